package dev.greenlight.cli.gates;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Asks for a release's readiness until it is ready or the time allowed is up, the last time at the deadline itself.
 * Each blocked answer gets one short line on standard error; standard output is left to the final checklist, so a
 * pipeline log shows the wait without burying the result. A failing request ends the wait at once: retrying it would
 * hide from the pipeline that the gate cannot be asked.
 */
final class ReadinessPoller {
    /** Waits between two checks; tests pass one that does not really sleep. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Supplier<JsonNode> readiness;
    private final Duration interval;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final Pause pause;

    ReadinessPoller(Supplier<JsonNode> readiness, Duration interval, PrintWriter err, LongSupplier nanoTime, Pause pause) {
        this.readiness = requireNonNull(readiness, "readiness is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.err = requireNonNull(err, "err is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.pause = requireNonNull(pause, "pause is null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval is positive: " + interval);
        }
    }

    static ReadinessPoller realTime(Supplier<JsonNode> readiness, Duration interval, PrintWriter err) {
        return new ReadinessPoller(readiness, interval, err, System::nanoTime, Thread::sleep);
    }

    /** The first ready report, or the last blocked one when {@code allowed} has passed. */
    JsonNode awaitReady(Duration allowed) {
        long deadline = nanoTime.getAsLong() + allowed.toNanos();
        for (int check = 1; ; check++) {
            JsonNode report = readiness.get();
            ReadinessSummary summary = ReadinessSummary.of(report);
            if (summary.ready()) {
                if (check > 1) {
                    progress("Check " + check + ": READY.");
                }
                return report;
            }
            Duration left = Duration.ofNanos(deadline - nanoTime.getAsLong());
            if (left.isNegative() || left.isZero()) {
                progress("Check " + check + ": " + summary.describe() + "; still not ready after " + WaitDuration.format(allowed) + ".");
                return report;
            }
            Duration next = left.compareTo(interval) < 0 ? left : interval;
            progress("Check " + check + ": " + summary.describe() + "; next check in " + WaitDuration.format(next) + ", "
                    + WaitDuration.format(left) + " left.");
            sleep(next);
        }
    }

    private void progress(String line) {
        err.println(line);
        err.flush();
    }

    private void sleep(Duration duration) {
        try {
            pause.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("Interrupted while waiting for the release to become ready.", e);
        }
    }
}
