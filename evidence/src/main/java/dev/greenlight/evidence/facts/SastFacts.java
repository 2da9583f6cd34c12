package dev.greenlight.evidence.facts;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * Static-analysis results (SARIF 2.1.0), all runs together. A result without a level takes its rule's default and
 * then SARIF's default, {@code warning}; suppressed results are kept apart and not counted.
 *
 * @param results the counted results, listed up to the listing limit
 * @param suppressed the suppressed results, listed up to the listing limit
 * @param resultsTruncated either list was cut at the listing limit
 * @param byLevel every counted result of the log by level, listed or not
 * @param bySecuritySeverity every counted result of the log that has a security severity, by it, listed or not
 * @param suppressedCount every suppressed result of the log, listed or not
 */
public record SastFacts(
        List<String> tools,
        List<Result> results,
        List<Result> suppressed,
        boolean resultsTruncated,
        LevelCounts byLevel,
        SeverityCounts bySecuritySeverity,
        long suppressedCount) implements EvidenceFacts {

    public SastFacts {
        tools = List.copyOf(tools);
        results = List.copyOf(results);
        suppressed = List.copyOf(suppressed);
        requireNonNull(byLevel, "byLevel is null");
        requireNonNull(bySecuritySeverity, "bySecuritySeverity is null");
        if (suppressedCount < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /** Facts whose lists hold every result, so the counts are those of the lists. */
    public static SastFacts complete(List<String> tools, List<Result> results, List<Result> suppressed) {
        return new SastFacts(tools, results, suppressed, false, LevelCounts.of(results), securitySeveritiesOf(results), suppressed.size());
    }

    /** The results that have a security severity, by it. */
    public static SeverityCounts securitySeveritiesOf(Collection<Result> results) {
        long[] counts = new long[Severity.values().length];
        for (Result result : results) {
            if (result.securitySeverity() != null) {
                counts[result.securitySeverity().ordinal()]++;
            }
        }
        return SeverityCounts.fromOrdinals(counts);
    }

    public enum Level {
        ERROR, WARNING, NOTE, NONE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Results counted by level; {@link #toMap()} has every level (zero included). */
    public record LevelCounts(long error, long warning, long note, long none) {
        public static final LevelCounts ZERO = new LevelCounts(0, 0, 0, 0);

        public LevelCounts {
            if (error < 0 || warning < 0 || note < 0 || none < 0) {
                throw new IllegalArgumentException("counts are never negative");
            }
        }

        public static LevelCounts of(Collection<Result> results) {
            long[] counts = new long[Level.values().length];
            results.forEach(result -> counts[result.level().ordinal()]++);
            return fromOrdinals(counts);
        }

        /** Counts indexed by {@link Level#ordinal()}. */
        public static LevelCounts fromOrdinals(long[] counts) {
            if (counts.length != Level.values().length) {
                throw new IllegalArgumentException("one count per level, not " + counts.length);
            }
            return new LevelCounts(counts[Level.ERROR.ordinal()], counts[Level.WARNING.ordinal()], counts[Level.NOTE.ordinal()],
                    counts[Level.NONE.ordinal()]);
        }

        public long count(Level level) {
            return switch (level) {
                case ERROR -> error;
                case WARNING -> warning;
                case NOTE -> note;
                case NONE -> none;
            };
        }

        public long total() {
            return error + warning + note + none;
        }

        public LevelCounts plus(LevelCounts other) {
            return new LevelCounts(error + other.error, warning + other.warning, note + other.note, none + other.none);
        }

        /** {@code {error, warning, note, none}}, every level present. */
        public Map<String, Object> toMap() {
            FactMaps counts = FactMaps.create();
            for (Level level : Level.values()) {
                counts.put(level.wireName(), count(level));
            }
            return counts.build();
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

    /** Every counted (not suppressed) result of the log, listed or not. */
    public long total() {
        return byLevel.total();
    }

    @Override
    public FactFamily family() {
        return FactFamily.SAST;
    }

    @Override
    public Map<String, Object> toMap() {
        return FactMaps.create()
                .put("tools", tools)
                .put("total", total())
                .put("byLevel", byLevel.toMap())
                .put("bySecuritySeverity", bySecuritySeverity.toMap())
                .put("results", results.stream().map(Result::toMap).toList())
                .put("suppressed", suppressedCount)
                .put("resultsTruncated", resultsTruncated)
                .build();
    }
}
