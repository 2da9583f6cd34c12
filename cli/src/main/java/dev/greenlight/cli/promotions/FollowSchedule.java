package dev.greenlight.cli.promotions;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When to ask the server again while following a promotion or rollback, and when to stop: every {@code interval},
 * the last time at the deadline itself, so that something that ends just before it is seen.
 */
final class FollowSchedule {
    /** Asking more often than this does not make a deployment faster; it only loads the server. */
    static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

    /** Waits between two checks; tests pass one that moves a fake clock instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration interval;
    private final @Nullable Duration allowed;
    private final LongSupplier nanoTime;
    private final Pause pause;
    private final long started;

    FollowSchedule(Duration interval, @Nullable Duration allowed, LongSupplier nanoTime, Pause pause) {
        this.interval = requireNonNull(interval, "interval is null");
        this.allowed = allowed;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.pause = requireNonNull(pause, "pause is null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval is positive: " + interval);
        }
        this.started = nanoTime.getAsLong();
    }

    static FollowSchedule realTime(Duration interval, WaitLimit limit) {
        return new FollowSchedule(interval, limit.limit(), System::nanoTime, Thread::sleep);
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - started);
    }

    /** The time since the wait began in whole seconds, as progress lines show it: "0s", "1m5s". */
    String elapsedText() {
        return DurationArgument.format(Duration.ofSeconds(elapsed().toSeconds()));
    }

    /** The wait allowed, or null when it lasts until the thing followed ends. */
    @Nullable Duration allowed() {
        return allowed;
    }

    boolean timeIsUp() {
        return allowed != null && elapsed().compareTo(allowed) >= 0;
    }

    /** Sleeps for the interval, or for the time left when that is shorter. */
    void awaitNextCheck(String following) {
        Duration next = interval;
        if (allowed != null) {
            Duration left = allowed.minus(elapsed());
            next = left.compareTo(interval) < 0 ? left : interval;
        }
        if (next.isNegative() || next.isZero()) {
            return;
        }
        try {
            pause.sleep(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("Interrupted while waiting for " + following + "; it goes on on the server.", e);
        }
    }
}
