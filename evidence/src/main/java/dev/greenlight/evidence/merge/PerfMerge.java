package dev.greenlight.evidence.merge;

import java.util.List;
import java.util.Map;

/**
 * Load-test results do not add up: a re-run replaces the run before it (after a fix, or on a quieter environment),
 * so the most recently uploaded summary is the release's performance, whole — mixing percentiles of different runs
 * would describe no run at all. {@code runs} says how many there were; the sources name the one that counts.
 */
final class PerfMerge {
    private PerfMerge() {
    }

    static Map<String, Object> merge(List<SourcedFacts> evidence) {
        SourcedFacts latest = evidence.getLast();
        return MergedMap.startingWith(latest.facts().toMap())
                .put("runs", (long) evidence.size())
                .put("sources", Sources.of(List.of(latest)))
                .build();
    }
}
