package dev.greenlight.server.health;

import org.jspecify.annotations.Nullable;

/**
 * A version's traffic over a window: requests served, how many of them failed, and the 95th percentile latency when
 * the source knows it.
 */
public record HealthSample(long requests, long errors, @Nullable Double latencyP95Millis) {
    public HealthSample {
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("a sample needs 0 <= errors <= requests, got " + errors + " of " + requests);
        }
        if (latencyP95Millis != null && (latencyP95Millis.isNaN() || latencyP95Millis < 0)) {
            throw new IllegalArgumentException("latency must be a non-negative number");
        }
    }

    /** Failed requests as a fraction of all requests; 0 without traffic. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
