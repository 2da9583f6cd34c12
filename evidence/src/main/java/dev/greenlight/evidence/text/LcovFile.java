package dev.greenlight.evidence.text;

import dev.greenlight.evidence.internal.LongLongMap;

import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;

/**
 * One source file across all the records that name it (tracefiles concatenated from several test runs repeat
 * files): a line counts once, covered if any record hit it; a branch, identified by line, block and branch, counts
 * once, covered if any record took it. The LF/LH/BRF/BRH summaries count only for a file with no DA/BRDA data.
 */
final class LcovFile {
    private final String path;
    /** Line number → 1 when hit, else 0. */
    private final LongLongMap lines = new LongLongMap();
    /** Hash of (line, block, branch) → 1 when taken, else 0. */
    private final LongLongMap branches = new LongLongMap();
    private long linesFound;
    private long linesHit;
    private long branchesFound;
    private long branchesHit;

    LcovFile(String path) {
        this.path = path;
    }

    void line(int number, boolean hit) {
        lines.merge(number, hit ? 1 : 0, Math::max);
    }

    void branch(int line, String block, String branch, boolean taken) {
        branches.merge(branchKey(line, block, branch), taken ? 1 : 0, Math::max);
    }

    void linesFound(long count) {
        linesFound = Math.max(linesFound, count);
    }

    void linesHit(long count) {
        linesHit = Math.max(linesHit, count);
    }

    void branchesFound(long count) {
        branchesFound = Math.max(branchesFound, count);
    }

    void branchesHit(long count) {
        branchesHit = Math.max(branchesHit, count);
    }

    FileCoverage coverage() {
        return new FileCoverage(path, counter(lines, linesFound, linesHit), counter(branches, branchesFound, branchesHit));
    }

    private static Counter counter(LongLongMap items, long summaryFound, long summaryHit) {
        if (items.size() == 0) {
            long hit = Math.min(summaryHit, summaryFound);
            return new Counter(hit, summaryFound - hit);
        }
        long covered = 0;
        for (long value : items.values()) {
            covered += value;
        }
        return new Counter(covered, items.size() - covered);
    }

    /**
     * A 64-bit FNV-1a hash of the branch's identity. Two branches of one file colliding (odds around 10^-12 for a
     * file with a million branches) would count as one.
     */
    private static long branchKey(int line, String block, String branch) {
        long hash = 0xcbf29ce484222325L;
        hash = mix(hash, line);
        hash = mix(hash, block);
        hash = mix(hash, '\u0000');
        return mix(hash, branch);
    }

    private static long mix(long hash, String text) {
        long result = hash;
        for (int i = 0; i < text.length(); i++) {
            result = mix(result, text.charAt(i));
        }
        return result;
    }

    private static long mix(long hash, int value) {
        long result = hash;
        for (int shift = 0; shift < 32; shift += 8) {
            result = (result ^ ((value >>> shift) & 0xFF)) * 0x100000001b3L;
        }
        return result;
    }
}
