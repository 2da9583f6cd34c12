package dev.greenlight.evidence.facts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * Static-analysis results (SARIF 2.1.0), all runs together. A result without a level takes its rule's default and
 * then SARIF's default, {@code warning}; suppressed results are kept apart and not counted.
 */
public record SastFacts(List<String> tools, List<Result> results, List<Result> suppressed, boolean resultsTruncated) implements EvidenceFacts {

    public SastFacts {
        tools = List.copyOf(tools);
        results = List.copyOf(results);
        suppressed = List.copyOf(suppressed);
    }

    public enum Level {
        ERROR, WARNING, NOTE, NONE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One result: rule, level, the security severity when the rule declares one, message and first location. */
    public record Result(String ruleId, Level level, @Nullable Severity securitySeverity, @Nullable String message, @Nullable String location) {
        /** The result's facts; public so that merged release facts list it in the same shape. */
        public Map<String, Object> toMap() {
            return FactMaps.create().put("ruleId", ruleId).put("level", level.wireName())
                    .put("securitySeverity", securitySeverity == null ? null : securitySeverity.wireName())
                    .put("message", message).put("location", location).build();
        }
    }

    @Override
    public FactFamily family() {
        return FactFamily.SAST;
    }

    @Override
    public Map<String, Object> toMap() {
        FactMaps byLevel = FactMaps.create();
        for (Level level : Level.values()) {
            byLevel.put(level.wireName(), results.stream().filter(result -> result.level() == level).count());
        }
        FactMaps bySeverity = FactMaps.create();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.wireName(), results.stream().filter(result -> result.securitySeverity() == severity).count());
        }
        return FactMaps.create()
                .put("tools", tools)
                .put("total", (long) results.size())
                .put("byLevel", byLevel.build())
                .put("bySecuritySeverity", bySeverity.build())
                .put("results", results.stream().map(Result::toMap).toList())
                .put("suppressed", (long) suppressed.size())
                .put("resultsTruncated", resultsTruncated)
                .build();
    }
}
