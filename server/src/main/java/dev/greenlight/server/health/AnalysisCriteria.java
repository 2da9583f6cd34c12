package dev.greenlight.server.health;

import org.jspecify.annotations.Nullable;

/**
 * When a canary is healthy enough. {@code maxErrorRateIncrease} and {@code maxLatencyIncrease} are relative to the
 * baseline (0.5 allows 50 % more); {@code maxErrorRate} is an absolute ceiling that holds even without a baseline;
 * below {@code minRequests} on either side nothing can be concluded.
 */
public record AnalysisCriteria(double maxErrorRateIncrease, double maxLatencyIncrease, double maxErrorRate, long minRequests) {
    public static final AnalysisCriteria DEFAULTS = new AnalysisCriteria(0.5, 0.5, 0.05, 100);

    public AnalysisCriteria {
        if (maxErrorRateIncrease < 0 || maxLatencyIncrease < 0 || maxErrorRate < 0 || maxErrorRate > 1 || minRequests < 1) {
            throw new IllegalArgumentException("analysis limits must be non-negative, maxErrorRate at most 1, minRequests at least 1");
        }
    }

    /** The criteria with every given value replacing the default. */
    public static AnalysisCriteria of(@Nullable Double maxErrorRateIncrease, @Nullable Double maxLatencyIncrease, @Nullable Double maxErrorRate,
            @Nullable Long minRequests) {
        return new AnalysisCriteria(maxErrorRateIncrease == null ? DEFAULTS.maxErrorRateIncrease : maxErrorRateIncrease,
                maxLatencyIncrease == null ? DEFAULTS.maxLatencyIncrease : maxLatencyIncrease,
                maxErrorRate == null ? DEFAULTS.maxErrorRate : maxErrorRate,
                minRequests == null ? DEFAULTS.minRequests : minRequests);
    }
}
