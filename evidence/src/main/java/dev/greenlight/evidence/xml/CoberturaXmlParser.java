package dev.greenlight.evidence.xml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;

/**
 * Cobertura XML (Cobertura, coverage.py, Istanbul, gcovr, coverlet, ReportGenerator...). Coverage is counted from the
 * {@code line} elements, per file (a class's {@code filename}; classes of the same file merge) and line number, so
 * that lines listed per method and again per class count once. Branches come from {@code condition-coverage}
 * ("50% (1/2)"); a branch line without it (or with only a percentage) adds no branches. The header's {@code lines-valid}... attributes are used
 * only when the report lists no line at all.
 */
public final class CoberturaXmlParser implements EvidenceParser {
    private static final Pattern CONDITION_COVERAGE = Pattern.compile("\\(\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*\\)");
    private static final List<String> HEADER_ATTRIBUTES = List.of("line-rate", "lines-valid", "lines-covered", "branch-rate");

    @Override
    public EvidenceType type() {
        return EvidenceType.COBERTURA;
    }

    /** {@code coverage} is also Clover's root element: Cobertura's has rate attributes, its DOCTYPE or its children. */
    @Override
    public boolean recognizes(byte[] head) {
        return XmlHead.of(head).map(xml -> xml.root().equals("coverage")
                && (HEADER_ATTRIBUTES.stream().anyMatch(xml.rootAttributes()::contains) || xml.doctypeMentions("cobertura")
                        || xml.firstChildIsOneOf("sources", "packages")))
                .orElse(false);
    }

    @Override
    public CoverageFacts parse(InputStream input, ParseLimits limits) {
        try (XmlCursor cursor = XmlCursor.open(input, limits, type())) {
            String root = cursor.openRoot();
            if (!root.equals("coverage")) {
                throw cursor.problem("the root element is <" + root + ">, not <coverage>: not a Cobertura report");
            }
            CoverageFacts header = headerCoverage(cursor);
            Map<String, CoberturaFile> files = new LinkedHashMap<>();
            CoberturaFile current = null;
            while (cursor.next()) {
                if (cursor.isEnd()) {
                    if (cursor.name().equals("class")) {
                        current = null;
                    }
                    continue;
                }
                switch (cursor.name()) {
                    case "class" -> current = files.computeIfAbsent(pathOf(cursor), CoberturaFile::new);
                    case "line" -> {
                        if (current != null) {
                            readLine(cursor, current);
                        }
                    }
                    case "sources" -> cursor.skip();
                    default -> { }
                }
            }
            if (files.values().stream().allMatch(CoberturaFile::isEmpty)) {
                return header;
            }
            return coverage(files.values(), limits.maxListedItems());
        }
    }

    private static CoverageFacts coverage(Iterable<CoberturaFile> files, int maxListed) {
        long coveredLines = 0;
        long missedLines = 0;
        long coveredBranches = 0;
        long missedBranches = 0;
        List<FileCoverage> listed = new ArrayList<>();
        boolean truncated = false;
        for (CoberturaFile file : files) {
            FileCoverage coverage = file.coverage();
            coveredLines += coverage.lines().covered();
            missedLines += coverage.lines().missed();
            coveredBranches += coverage.branches().covered();
            missedBranches += coverage.branches().missed();
            if (listed.size() < maxListed) {
                listed.add(coverage);
            } else {
                truncated = true;
            }
        }
        return new CoverageFacts(new Counter(coveredLines, missedLines), new Counter(coveredBranches, missedBranches), listed, truncated);
    }

    private static void readLine(XmlCursor cursor, CoberturaFile file) {
        int number = lineNumber(cursor);
        file.line(number, hasHits(cursor));
        String conditions = cursor.attribute("condition-coverage");
        if (conditions == null) {
            return;
        }
        // Free text in Cobertura's DTD: a value without the counts (a bare "50%") says too little to count.
        Matcher matcher = CONDITION_COVERAGE.matcher(conditions);
        if (matcher.find()) {
            int covered = Integer.parseInt(matcher.group(1));
            int total = Integer.parseInt(matcher.group(2));
            if (covered <= total) {
                file.branches(number, covered, total);
            }
        }
    }

    private static int lineNumber(XmlCursor cursor) {
        String number = cursor.attribute("number");
        try {
            int line = Integer.parseInt(number == null ? "" : number.strip());
            if (line >= 0) {
                return line;
            }
        } catch (NumberFormatException e) {
            // Reported below with where it is.
        }
        throw cursor.problem("a <line> needs a non-negative whole 'number', not " + ShortText.quoted(number));
    }

    /** Whether {@code hits} is above zero. Counts beyond a long (seen in the wild) are simply covered. */
    private static boolean hasHits(XmlCursor cursor) {
        String hits = cursor.attribute("hits");
        String text = hits == null ? "" : hits.strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return text.chars().anyMatch(digit -> digit != '0');
        }
        try {
            // Some generators write "1.0", or a negative count for a counter that wrapped.
            return Double.parseDouble(text) > 0;
        } catch (NumberFormatException e) {
            throw cursor.problem("a <line> needs a numeric 'hits' count, not " + ShortText.quoted(hits));
        }
    }

    private static String pathOf(XmlCursor cursor) {
        String fileName = cursor.attribute("filename");
        if (fileName != null && !fileName.isBlank()) {
            return fileName;
        }
        String name = cursor.attribute("name");
        return name == null ? "" : name;
    }

    /** The header's own counts, for a report that lists no lines (some tools write only the summary). */
    private static CoverageFacts headerCoverage(XmlCursor cursor) {
        long validLines = count(cursor.attribute("lines-valid"));
        long coveredLines = Math.min(count(cursor.attribute("lines-covered")), validLines);
        long validBranches = count(cursor.attribute("branches-valid"));
        long coveredBranches = Math.min(count(cursor.attribute("branches-covered")), validBranches);
        return new CoverageFacts(new Counter(coveredLines, validLines - coveredLines),
                new Counter(coveredBranches, validBranches - coveredBranches), List.of(), false);
    }

    private static long count(@Nullable String value) {
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
