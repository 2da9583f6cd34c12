package dev.greenlight.evidence.merge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SastFacts.Level;
import dev.greenlight.evidence.facts.SastFacts.Result;
import dev.greenlight.evidence.facts.Severity;

/**
 * Static-analysis reports add up: each tool (or each run of one on a different module) reports its own results, so
 * counts are summed and results listed one report after the other.
 */
final class SastMerge {
    private SastMerge() {
    }

    static Map<String, Object> merge(List<SourcedFacts> evidence, int maxListedItems) {
        Set<String> tools = new LinkedHashSet<>();
        long[] byLevel = new long[Level.values().length];
        long[] bySecuritySeverity = new long[Severity.values().length];
        BoundedList<Map<String, Object>> results = new BoundedList<>(maxListedItems);
        long total = 0;
        long suppressed = 0;
        boolean truncated = false;
        for (SourcedFacts one : evidence) {
            SastFacts facts = (SastFacts) one.facts();
            tools.addAll(facts.tools());
            for (Result result : facts.results()) {
                byLevel[result.level().ordinal()]++;
                if (result.securitySeverity() != null) {
                    bySecuritySeverity[result.securitySeverity().ordinal()]++;
                }
                results.add(result.toMap());
            }
            total += facts.results().size();
            suppressed += facts.suppressed().size();
            truncated |= facts.resultsTruncated();
        }
        MergedMap levels = MergedMap.create();
        for (Level level : Level.values()) {
            levels.put(level.wireName(), byLevel[level.ordinal()]);
        }
        MergedMap severities = MergedMap.create();
        for (Severity severity : Severity.values()) {
            severities.put(severity.wireName(), bySecuritySeverity[severity.ordinal()]);
        }
        return MergedMap.create()
                .put("tools", List.copyOf(tools))
                .put("total", total)
                .put("byLevel", levels.build())
                .put("bySecuritySeverity", severities.build())
                .put("results", results.items())
                .put("suppressed", suppressed)
                .put("resultsTruncated", truncated || results.cut())
                .put("sources", Sources.of(evidence))
                .build();
    }
}
