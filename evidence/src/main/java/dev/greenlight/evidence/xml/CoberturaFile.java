package dev.greenlight.evidence.xml;

import dev.greenlight.evidence.internal.LongLongMap;

import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;

/**
 * The lines of one source file across every {@code class} element that names it and every listing of a line in
 * them (Cobertura lists a line under its method and again under its class): a line counts once, covered if any
 * listing has hits; its branches are taken from the listing that knows the most of them.
 */
final class CoberturaFile {
    private final String path;
    /** Line number → 1 when covered, else 0. */
    private final LongLongMap lines = new LongLongMap();
    /** Line number → branches total (high 32 bits) and covered (low 32 bits). */
    private final LongLongMap branches = new LongLongMap();

    CoberturaFile(String path) {
        this.path = path;
    }

    void line(int number, boolean covered) {
        lines.merge(number, covered ? 1 : 0, Math::max);
    }

    void branches(int number, int covered, int total) {
        // Packed this way, the larger value is the listing with more branches, then with more of them covered.
        branches.merge(number, (long) total << 32 | covered, Math::max);
    }

    boolean isEmpty() {
        return lines.size() == 0 && branches.size() == 0;
    }

    FileCoverage coverage() {
        long coveredLines = 0;
        for (long covered : lines.values()) {
            coveredLines += covered;
        }
        long coveredBranches = 0;
        long totalBranches = 0;
        for (long packed : branches.values()) {
            totalBranches += packed >>> 32;
            coveredBranches += packed & 0xFFFF_FFFFL;
        }
        return new FileCoverage(path, new Counter(coveredLines, lines.size() - coveredLines),
                new Counter(coveredBranches, totalBranches - coveredBranches));
    }
}
