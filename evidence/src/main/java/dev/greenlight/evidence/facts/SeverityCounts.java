package dev.greenlight.evidence.facts;

import java.util.Collection;
import java.util.Map;

/**
 * Items counted by severity. In facts these count every item of the file, listed or not: a list stops at the listing
 * limit, its counts never do, so a gate on a count cannot pass on what a cut list left out. {@link #toMap()} has
 * every severity (zero included), so that policies can compare without a default.
 */
public record SeverityCounts(long critical, long high, long medium, long low, long negligible, long unknown) {
    public static final SeverityCounts ZERO = new SeverityCounts(0, 0, 0, 0, 0, 0);

    public SeverityCounts {
        if (critical < 0 || high < 0 || medium < 0 || low < 0 || negligible < 0 || unknown < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /** The findings by severity. */
    public static SeverityCounts of(Collection<Finding> findings) {
        long[] counts = new long[Severity.values().length];
        findings.forEach(finding -> counts[finding.severity().ordinal()]++);
        return fromOrdinals(counts);
    }

    /** The findings that have a fix, by severity. */
    public static SeverityCounts fixableOf(Collection<Finding> findings) {
        long[] counts = new long[Severity.values().length];
        findings.stream().filter(Finding::hasFix).forEach(finding -> counts[finding.severity().ordinal()]++);
        return fromOrdinals(counts);
    }

    /** Counts indexed by {@link Severity#ordinal()}. */
    public static SeverityCounts fromOrdinals(long[] counts) {
        if (counts.length != Severity.values().length) {
            throw new IllegalArgumentException("one count per severity, not " + counts.length);
        }
        return new SeverityCounts(counts[Severity.CRITICAL.ordinal()], counts[Severity.HIGH.ordinal()], counts[Severity.MEDIUM.ordinal()],
                counts[Severity.LOW.ordinal()], counts[Severity.NEGLIGIBLE.ordinal()], counts[Severity.UNKNOWN.ordinal()]);
    }

    public long count(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            case NEGLIGIBLE -> negligible;
            case UNKNOWN -> unknown;
        };
    }

    public long total() {
        return critical + high + medium + low + negligible + unknown;
    }

    public SeverityCounts plus(SeverityCounts other) {
        return new SeverityCounts(critical + other.critical, high + other.high, medium + other.medium, low + other.low,
                negligible + other.negligible, unknown + other.unknown);
    }

    /** These counts less the other's, severity by severity, never below zero (what a list left out of a count). */
    public SeverityCounts beyond(SeverityCounts listed) {
        return new SeverityCounts(Math.max(0, critical - listed.critical), Math.max(0, high - listed.high),
                Math.max(0, medium - listed.medium), Math.max(0, low - listed.low), Math.max(0, negligible - listed.negligible),
                Math.max(0, unknown - listed.unknown));
    }

    /** Whether each severity counts at least as many as the other's (a complete count covers its listing). */
    public boolean covers(SeverityCounts listed) {
        for (Severity severity : Severity.values()) {
            if (count(severity) < listed.count(severity)) {
                return false;
            }
        }
        return true;
    }

    /** {@code {critical, high, medium, low, negligible, unknown}}, every severity present. */
    public Map<String, Object> toMap() {
        FactMaps counts = FactMaps.create();
        for (Severity severity : Severity.values()) {
            counts.put(severity.wireName(), count(severity));
        }
        return counts.build();
    }
}
