package dev.greenlight.server.ledger;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import dev.greenlight.server.ledger.BenchApp.Workspace;

/**
 * Time from an append's commit to the moment a signed checkpoint covering it can be read from the database, under a
 * steady append load, with the sequencer's default 1 s interval. A poller reads the newest checkpoint's size every
 * {@value #POLL_MILLIS} ms, so every latency is late by at most that much.
 */
final class CheckpointLatencyBench {
    static final int POLL_MILLIS = 5;

    /** Steady load: {@code rate} entries/s in transactions of {@code batch}; optionally a saturating writer on another log. */
    record Scenario(String label, int rate, int batch, boolean saturatingNeighbour) {
    }

    /**
     * Latencies in microseconds; the median and largest interval between consecutive checkpoints of the measured log;
     * the saturating neighbour's commit rate and its backlog of unintegrated entries when the run ended.
     */
    record Result(Histogram latencies, double medianIntervalSeconds, double maxIntervalSeconds, double neighbourRate, long neighbourBacklog) {
    }

    private final BenchApp app;

    CheckpointLatencyBench(BenchApp app) {
        this.app = app;
    }

    /** Runs one scenario; latencies leave out appends of the first second. */
    Result run(Scenario scenario, double seconds) throws Exception {
        Workspace measured = app.scratchWorkspace("bench-latency");
        Workspace neighbour = app.scratchWorkspace("bench-neighbour");
        List<LedgerEvent> pool = BenchApp.eventPool(measured, 1000);
        List<LedgerEvent> neighbourPool = BenchApp.eventPool(neighbour, 1000);
        ArrayDeque<long[]> pending = new ArrayDeque<>(); // {last index, commit time}, in index order
        Histogram latencies = BenchStats.microsecondHistogram();
        AtomicBoolean appending = new AtomicBoolean(true);
        long started = System.nanoTime();
        long measureFrom = started + 1_000_000_000L;
        long end = started + (long) (seconds * 1e9);
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            Future<?> writer = threads.submit(() -> {
                long interval = (long) (1e9 * scenario.batch() / scenario.rate());
                long next = System.nanoTime();
                int cursor = 0;
                while (System.nanoTime() < end) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    next += interval;
                    List<LedgerEvent> batch = pool.subList(cursor, cursor + scenario.batch());
                    cursor = (cursor + scenario.batch()) % (pool.size() - pool.size() % scenario.batch());
                    long last = app.append(batch);
                    long committed = System.nanoTime();
                    synchronized (pending) {
                        pending.add(new long[] {last, committed});
                    }
                }
                return null;
            });
            Future<Long> saturating = threads.submit(() -> {
                int cursor = 0;
                long appended = 0;
                while (scenario.saturatingNeighbour() && System.nanoTime() < end) {
                    app.append(neighbourPool.subList(cursor, cursor + 100));
                    cursor = (cursor + 100) % 1000;
                    appended += 100;
                }
                return appended;
            });
            Future<?> poller = threads.submit(() -> {
                long seen = 0;
                while (true) {
                    long size = app.checkpointSize(measured.id());
                    long now = System.nanoTime();
                    boolean drained;
                    synchronized (pending) {
                        if (size > seen) {
                            seen = size;
                            while (!pending.isEmpty() && pending.peek()[0] < size) {
                                long[] sample = pending.poll();
                                if (sample[1] >= measureFrom) {
                                    latencies.recordValue((now - sample[1]) / 1000);
                                }
                            }
                        }
                        drained = pending.isEmpty();
                    }
                    if ((!appending.get() && drained) || now > end + 30_000_000_000L) {
                        return null;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            });
            writer.get();
            long neighbourAppended = saturating.get();
            double neighbourRate = neighbourAppended / ((System.nanoTime() - started) / 1e9);
            long neighbourBacklog = app.committedSize(neighbour.id()) - app.integratedSize(neighbour.id());
            appending.set(false);
            poller.get(60, TimeUnit.SECONDS);
            synchronized (pending) {
                if (!pending.isEmpty()) {
                    throw new IllegalStateException(pending.size() + " appends were never covered by a checkpoint within 30 s");
                }
            }
            List<Double> intervals = checkpointIntervals(measured);
            return new Result(latencies, BenchStats.repeated(intervals).median(), BenchStats.repeated(intervals).max(), neighbourRate, neighbourBacklog);
        }
    }

    private List<Double> checkpointIntervals(Workspace log) {
        List<java.time.OffsetDateTime> signed = app.jdbc.sql("select signed_at from ledger_checkpoints where workspace_id = :w order by tree_size")
                .param("w", log.id()).query(java.time.OffsetDateTime.class).list();
        List<Double> intervals = new java.util.ArrayList<>();
        for (int i = 1; i < signed.size(); i++) {
            intervals.add(java.time.Duration.between(signed.get(i - 1), signed.get(i)).toNanos() / 1e9);
        }
        return intervals.isEmpty() ? List.of(Double.NaN) : intervals;
    }
}
