package dev.greenlight.evidence.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;

/**
 * LCOV tracefiles (geninfo/lcov 1.x and 2.x, Istanbul/nyc, c8, llvm-cov, grcov...): {@code SF} opens a file's
 * record, {@code DA} and {@code BRDA} give its lines and branches, {@code end_of_record} closes it. Records repeating a
 * file merge (a line counts once). Hit counts beyond a long are simply "hit"; a branch taken "-" was never reached
 * (missed).
 *
 * <p>Rejected, with the line number: a DA or BRDA line that cannot be read (missing fields, a line number below 1, a
 * count that is not a whole non-negative number), a data line before any {@code SF}, summary counts that are not
 * numbers, and a file with no record at all. Tolerated: unknown keys and lines (LCOV 2's VER, FNL, FNA...; a stray
 * trailing "EOF"), function data ({@code FN}/{@code FNDA}, which no fact uses, even when inconsistent), summaries
 * that disagree with the DA/BRDA lines (the lines win), a missing final {@code end_of_record}.
 */
public final class LcovParser implements EvidenceParser {

    @Override
    public EvidenceType type() {
        return EvidenceType.LCOV;
    }

    /** An LCOV tracefile starts with a TN or SF line and has an SF line in its head. */
    @Override
    public boolean recognizes(byte[] head) {
        return LcovHead.looksLikeLcov(head);
    }

    @Override
    public CoverageFacts parse(InputStream input, ParseLimits limits) {
        // Paths are the only free text; an undecodable byte in one must not fail the report.
        InputStreamReader decoder = new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        BoundedLineReader lines = new BoundedLineReader(decoder, limits.maxStringLength());
        Map<String, LcovFile> files = new LinkedHashMap<>();
        LcovFile current = null;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = line.strip();
                int colon = text.indexOf(':');
                if (text.equals("end_of_record")) {
                    current = null;
                } else if (colon > 0) {
                    LcovLine entry = new LcovLine(text.substring(0, colon), text.substring(colon + 1), lines.lineNumber(), colon + 2);
                    current = read(entry, current, files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new EvidenceFormatException(type(), "line " + Math.max(1, lines.lineNumber()) + ", column 1",
                    "no SF record: an LCOV tracefile names at least one source file");
        }
        return coverage(files.values(), limits.maxListedItems());
    }

    /** Applies one KEY:value line to the open record; returns the record open after it. */
    private static @Nullable LcovFile read(LcovLine entry, @Nullable LcovFile current, Map<String, LcovFile> files) {
        switch (entry.key()) {
            case "SF" -> {
                if (entry.value().isBlank()) {
                    throw entry.problem("SF names no source file");
                }
                // A record not closed by end_of_record ends where the next one starts.
                return files.computeIfAbsent(entry.value().strip(), LcovFile::new);
            }
            case "DA" -> {
                List<String> fields = entry.fields(2);
                entry.within(current).line(entry.lineNumber(fields.get(0)), entry.isPositive(fields.get(1)));
            }
            case "BRDA" -> {
                // line,block,branch,taken; LCOV 2 may add a branch expression (with commas) before "taken".
                List<String> fields = entry.fields(4);
                String branch = String.join(",", fields.subList(2, fields.size() - 1));
                String taken = fields.getLast();
                entry.within(current).branch(entry.lineNumber(fields.get(0)), fields.get(1), branch, !taken.equals("-") && entry.isPositive(taken));
            }
            case "LF" -> entry.within(current).linesFound(entry.count());
            case "LH" -> entry.within(current).linesHit(entry.count());
            case "BRF" -> entry.within(current).branchesFound(entry.count());
            case "BRH" -> entry.within(current).branchesHit(entry.count());
            // TN, VER, FN, FNDA, FNF, FNH, FNL, FNA and keys of later LCOV versions carry no line or branch facts.
            default -> { }
        }
        return current;
    }

    private static CoverageFacts coverage(Iterable<LcovFile> files, int maxListed) {
        long coveredLines = 0;
        long missedLines = 0;
        long coveredBranches = 0;
        long missedBranches = 0;
        List<FileCoverage> listed = new ArrayList<>();
        boolean truncated = false;
        for (LcovFile file : files) {
            FileCoverage coverage = file.coverage();
            coveredLines = saturatedSum(coveredLines, coverage.lines().covered());
            missedLines = saturatedSum(missedLines, coverage.lines().missed());
            coveredBranches = saturatedSum(coveredBranches, coverage.branches().covered());
            missedBranches = saturatedSum(missedBranches, coverage.branches().missed());
            if (listed.size() < maxListed) {
                listed.add(coverage);
            } else {
                truncated = true;
            }
        }
        return new CoverageFacts(counter(coveredLines, missedLines), counter(coveredBranches, missedBranches), listed, truncated);
    }

    /** A counter whose total (the coverage ratio's denominator) does not wrap negative either. */
    private static Counter counter(long covered, long missed) {
        return new Counter(covered, Math.min(missed, Long.MAX_VALUE - covered));
    }

    /** LF/LH summaries are free numbers a hostile file can make huge; a sum must not wrap negative. */
    private static long saturatedSum(long first, long second) {
        long sum = first + second;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
