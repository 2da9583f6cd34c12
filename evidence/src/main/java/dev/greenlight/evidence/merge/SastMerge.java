package dev.greenlight.evidence.merge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SastFacts.LevelCounts;
import dev.greenlight.evidence.facts.SastFacts.Result;
import dev.greenlight.evidence.facts.SeverityCounts;

/**
 * Static-analysis reports add up: each tool (or each run of one on a different module) reports its own results, so
 * counts are summed and results listed one report after the other. The counts summed are each report's complete
 * ones, which cover the results its list left out.
 */
final class SastMerge {
    private SastMerge() {
    }

    static Map<String, Object> merge(List<SourcedFacts> evidence, int maxListedItems) {
        Set<String> tools = new LinkedHashSet<>();
        LevelCounts byLevel = LevelCounts.ZERO;
        SeverityCounts bySecuritySeverity = SeverityCounts.ZERO;
        BoundedList<Map<String, Object>> results = new BoundedList<>(maxListedItems);
        long suppressed = 0;
        boolean truncated = false;
        for (SourcedFacts one : evidence) {
            SastFacts facts = (SastFacts) one.facts();
            tools.addAll(facts.tools());
            for (Result result : facts.results()) {
                results.add(result.toMap());
            }
            byLevel = byLevel.plus(facts.byLevel());
            bySecuritySeverity = bySecuritySeverity.plus(facts.bySecuritySeverity());
            suppressed += facts.suppressedCount();
            truncated |= facts.resultsTruncated();
        }
        return MergedMap.create()
                .put("tools", List.copyOf(tools))
                .put("total", byLevel.total())
                .put("byLevel", byLevel.toMap())
                .put("bySecuritySeverity", bySecuritySeverity.toMap())
                .put("results", results.items())
                .put("suppressed", suppressed)
                .put("resultsTruncated", truncated || results.cut())
                .put("sources", Sources.of(evidence))
                .build();
    }
}
