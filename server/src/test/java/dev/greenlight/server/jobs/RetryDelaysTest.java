package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter, seeded so that a failure here can be reproduced. */
class RetryDelaysTest {
    private final RetryDelays delays = new RetryDelays(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(7));

    @Test
    void ceilingDoublesFromTheBaseUntilTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 11).mapToObj(delays::ceilingAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
        assertThat(delays.ceilingAfter(1_000_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyWaitLiesBetweenZeroAndItsCeiling() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration ceiling = delays.ceilingAfter(attempt);
            for (int sample = 0; sample < 500; sample++) {
                assertThat(delays.after(attempt)).isBetween(Duration.ZERO, ceiling);
            }
        }
    }

    @Test
    void waitsAreSpreadOverTheWholeRangeAndGrowOnAverage() {
        double previousMean = 0;
        for (int attempt = 1; attempt <= 9; attempt++) {
            long ceiling = delays.ceilingAfter(attempt).toMillis();
            int finalAttempt = attempt;
            long[] samples = IntStream.range(0, 4000).mapToLong(sample -> delays.after(finalAttempt).toMillis()).toArray();
            double mean = java.util.Arrays.stream(samples).average().orElseThrow();
            // Uniform over [0, ceiling]: the mean is half the ceiling, and both ends of the range are reached.
            assertThat(mean).as("attempt %d", attempt).isBetween(ceiling * 0.45, ceiling * 0.55);
            assertThat(java.util.Arrays.stream(samples).min().orElseThrow()).isLessThan(ceiling / 10);
            assertThat(java.util.Arrays.stream(samples).max().orElseThrow()).isGreaterThan(ceiling * 9 / 10);
            assertThat(mean).isGreaterThan(previousMean);
            previousMean = mean;
        }
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> delays.ceilingAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryDelays(Duration.ZERO, Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryDelays(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
