package dev.greenlight.evidence.merge;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;

/**
 * Coverage reports are taken to cover different modules, so their counters are summed and the ratios recomputed.
 * Counts alone cannot tell whether two reports of the same file covered the same lines, so a file in more than one
 * report is counted in {@code overlappingFiles} instead of being guessed at: a policy can refuse double counting.
 */
final class CoverageMerge {
    private CoverageMerge() {
    }

    static Map<String, Object> merge(List<SourcedFacts> evidence, int maxListedItems) {
        long linesCovered = 0;
        long linesMissed = 0;
        long branchesCovered = 0;
        long branchesMissed = 0;
        BoundedList<FileCoverage> files = new BoundedList<>(maxListedItems);
        Map<String, Integer> reportsPerPath = new HashMap<>();
        long overlappingFiles = 0;
        boolean truncated = false;
        for (SourcedFacts one : evidence) {
            CoverageFacts facts = (CoverageFacts) one.facts();
            linesCovered += facts.lines().covered();
            linesMissed += facts.lines().missed();
            branchesCovered += facts.branches().covered();
            branchesMissed += facts.branches().missed();
            truncated |= facts.filesTruncated();
            Set<String> pathsOfReport = new HashSet<>();
            for (FileCoverage file : facts.files()) {
                if (!pathsOfReport.add(file.path())) {
                    continue;
                }
                int reports = reportsPerPath.merge(file.path(), 1, Integer::sum);
                if (reports == 1) {
                    files.add(file);
                } else if (reports == 2) {
                    overlappingFiles++;
                }
            }
        }
        CoverageFacts merged = new CoverageFacts(new Counter(linesCovered, linesMissed), new Counter(branchesCovered, branchesMissed),
                files.items(), truncated || files.cut());
        return MergedMap.startingWith(merged.toMap())
                .put("reports", (long) evidence.size())
                .put("overlappingFiles", overlappingFiles)
                .put("sources", Sources.of(evidence))
                .build();
    }
}
