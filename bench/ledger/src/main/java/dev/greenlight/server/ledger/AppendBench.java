package dev.greenlight.server.ledger;

import static dev.greenlight.server.ledger.BenchStats.f;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.greenlight.server.ledger.BenchApp.Workspace;

/**
 * Sustained append rate through {@link Ledger#appendAll} (one transaction per batch, as a feature appends), against
 * plain batched INSERTs of the same rows into a table of the same shape, measured alternately in the same run.
 */
final class AppendBench {
    private static final String PLAIN_TABLE = "bench_plain_entries";
    private static final int POOL = 1000;

    /** One configuration: entries per transaction, concurrent writers, and whether each writer has its own log. */
    record Config(int batch, int writers, boolean logPerWriter) {
        String label() {
            return writers == 1 ? "1 writer" : writers + " writers, " + (logPerWriter ? writers + " logs" : "1 log");
        }
    }

    /** Per configuration: ledger and plain rates (entries/s) and their ratio, trial by trial. */
    record Result(Config config, List<Double> ledger, List<Double> plain, List<Double> ratio) {
    }

    private final BenchApp app;
    private final List<Workspace> logs;
    private final List<List<LedgerEvent>> events = new ArrayList<>();
    private final List<List<Object[]>> plainRows = new ArrayList<>();
    private final List<AtomicLong> plainNextIndex = new ArrayList<>();

    AppendBench(BenchApp app, int maxWriters) {
        this.app = app;
        this.logs = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < maxWriters; i++) {
            Workspace workspace = app.scratchWorkspace("bench-append-" + i);
            logs.add(workspace);
            List<LedgerEvent> pool = BenchApp.eventPool(workspace, POOL);
            events.add(pool);
            List<Object[]> rows = new ArrayList<>(POOL);
            for (LedgerEvent event : pool) {
                // the very bytes the ledger would store: same length and content
                byte[] entry = Ledger.serialize(event, Instant.now());
                rows.add(new Object[] {workspace.id(), 0L, entry, event.kind(), event.project(), event.actor(), at});
            }
            plainRows.add(rows);
            plainNextIndex.add(new AtomicLong());
        }
    }

    /**
     * Creates the plain table with the columns, primary key and indexes of ledger_entries (LIKE ... INCLUDING ALL; no
     * foreign key), holding as many rows as ledger_entries does now, so both tables have the same size.
     */
    void createPlainTable() {
        app.jdbc.sql("drop table if exists " + PLAIN_TABLE).update();
        app.jdbc.sql("create table " + PLAIN_TABLE + " (like ledger_entries including all)").update();
        app.jdbc.sql("insert into " + PLAIN_TABLE + " select * from ledger_entries").update();
        app.jdbc.sql("vacuum (analyze) " + PLAIN_TABLE).update();
    }

    void dropPlainTable() {
        app.jdbc.sql("drop table if exists " + PLAIN_TABLE).update();
    }

    /** Trials alternate between the ledger and the plain inserts, each starting with the other every other time. */
    Result measure(Config config, int trials, double trialSeconds) throws Exception {
        trial(config, true, Math.min(0.5, trialSeconds));
        trial(config, false, Math.min(0.5, trialSeconds));
        List<Double> ledger = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            double ledgerRate;
            double plainRate;
            if (t % 2 == 0) {
                ledgerRate = trial(config, true, trialSeconds);
                plainRate = trial(config, false, trialSeconds);
            } else {
                plainRate = trial(config, false, trialSeconds);
                ledgerRate = trial(config, true, trialSeconds);
            }
            ledger.add(ledgerRate);
            plain.add(plainRate);
            ratio.add(ledgerRate / plainRate);
        }
        return new Result(config, ledger, plain, ratio);
    }

    /** Runs the writers for the given time and returns committed entries per second. */
    private double trial(Config config, boolean throughLedger, double seconds) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> writers = new ArrayList<>();
        long[] window = new long[2];
        try (ExecutorService pool = Executors.newFixedThreadPool(config.writers())) {
            for (int w = 0; w < config.writers(); w++) {
                int log = config.logPerWriter() ? w : 0;
                int offset = w * 7919;
                writers.add(pool.submit(() -> {
                    start.await();
                    long deadline = window[0] + (long) (seconds * 1e9);
                    long entries = 0;
                    int cursor = offset;
                    while (System.nanoTime() < deadline) {
                        if (throughLedger) {
                            app.append(batchOf(events.get(log), cursor, config.batch()));
                        } else {
                            insertPlain(log, cursor, config.batch());
                        }
                        cursor += config.batch();
                        entries += config.batch();
                    }
                    return entries;
                }));
            }
            window[0] = System.nanoTime();
            start.countDown();
            long total = 0;
            for (Future<Long> writer : writers) {
                total += writer.get();
            }
            window[1] = System.nanoTime();
            return total / ((window[1] - window[0]) / 1e9);
        }
    }

    private static <T> List<T> batchOf(List<T> pool, int cursor, int size) {
        List<T> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(pool.get(Math.floorMod(cursor + i, pool.size())));
        }
        return batch;
    }

    /** The baseline: one transaction with a JDBC batch of single-row INSERTs, indexes chosen by the writer. */
    private void insertPlain(int log, int cursor, int size) {
        List<Object[]> rows = batchOf(plainRows.get(log), cursor, size);
        long first = plainNextIndex.get(log).getAndAdd(size);
        List<Object[]> arguments = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Object[] row = rows.get(i).clone();
            row[1] = first + i;
            arguments.add(row);
        }
        app.transactions.executeWithoutResult(status -> app.jdbcTemplate.batchUpdate(
                "insert into " + PLAIN_TABLE + " (workspace_id, idx, entry, kind, project, actor, at) values (?, ?, ?, ?, ?, ?, ?)", arguments));
    }

    /** Sequencer backlog of the scratch logs: entries committed but not yet integrated into their trees. */
    long backlog() {
        long backlog = 0;
        for (Workspace log : logs) {
            backlog += app.committedSize(log.id()) - app.integratedSize(log.id());
        }
        return backlog;
    }

    /** Waits until the sequencer has integrated everything the scratch logs hold, so every configuration starts alike. */
    void awaitIntegrated(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (backlog() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    static String header() {
        return "| entries/tx | writers | ledger entries/s | plain INSERT entries/s | ratio ledger/plain |\n|---:|---|---:|---:|---:|\n";
    }

    static String row(Result result) {
        return f("| %d | %s | %s | %s | %s |%n", result.config().batch(), result.config().label(),
                BenchStats.repeated(result.ledger()).format("%,.0f"), BenchStats.repeated(result.plain()).format("%,.0f"),
                BenchStats.repeated(result.ratio()).format("%.2f"));
    }
}
