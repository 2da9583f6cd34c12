package dev.greenlight.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How long a failed job waits before its next attempt: exponential backoff with full jitter. After attempt n failed
 * the wait is drawn uniformly from zero to {@code min(max, base × 2^(n-1))}. The jitter spreads the retries of jobs
 * that failed together (an outage of the system they call) instead of sending them back in one wave.
 */
final class RetryDelays {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    /** {@code random} is used by every worker thread: it must be safe to share, as {@link Random} is. */
    RetryDelays(Duration base, Duration max, RandomGenerator random) {
        this.base = requireNonNull(base, "base is null");
        this.max = requireNonNull(max, "max is null");
        this.random = requireNonNull(random, "random is null");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
    }

    static RetryDelays of(JobsProperties properties) {
        // java.util.Random is safe to share between the worker threads that handle failures.
        return new RetryDelays(properties.retryBase(), properties.retryMaxDelay(), new Random());
    }

    /** The longest wait after attempt {@code failedAttempt} (1 for the first) failed. */
    Duration ceilingAfter(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + failedAttempt);
        }
        Duration ceiling = base;
        for (int doublings = 1; doublings < failedAttempt && ceiling.compareTo(max) < 0; doublings++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(max) < 0 ? ceiling : max;
    }

    /** A wait after attempt {@code failedAttempt} failed, between zero and {@link #ceilingAfter} inclusive, to the millisecond. */
    Duration after(int failedAttempt) {
        return Duration.ofMillis(random.nextLong(ceilingAfter(failedAttempt).toMillis() + 1));
    }
}
