package dev.greenlight.server.ledger;

import static dev.greenlight.server.ledger.BenchStats.f;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * One stage of the ledger benchmarks (bench/ledger/run.sh runs one per log size): starts Greenlight on the benchmark
 * data directory, grows the default workspace's log to the stage's size through the in-process port, waits for a
 * checkpoint covering it, then measures inclusion proofs, the append matrix against plain INSERTs, and the time from
 * append to checkpoint. Writes a Markdown section to the output file and the log's id and size for the JMH proof
 * benchmark to the data directory, and stops everything it started.
 *
 * <p>Usage: {@code LedgerBench <data-dir> <log-size> <quick|full> <results.md> [proofs-only]}
 */
public final class LedgerBench {
    static final String STATE_FILE = "bench-ledger.properties";

    /** How long and how often: quick finishes in a few minutes, full repeats more and measures longer. */
    record Profile(int trials, double trialSeconds, int latencyRepetitions, double latencySeconds, int proofRepetitions, int proofRequests) {
        static Profile named(String name) {
            return switch (name) {
                case "quick" -> new Profile(3, 1.0, 2, 8, 3, 500);
                case "full" -> new Profile(5, 2.0, 3, 20, 5, 2000);
                default -> throw new IllegalArgumentException("profile is quick or full, not " + name);
            };
        }
    }

    private final BenchApp app;
    private final long size;
    private final Profile profile;
    private final StringBuilder out = new StringBuilder();

    private LedgerBench(BenchApp app, long size, Profile profile) {
        this.app = app;
        this.size = size;
        this.profile = profile;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: LedgerBench <data-dir> <log-size> <quick|full> <results.md> [proofs-only]");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        Profile profile = Profile.named(args[2]);
        Path results = Path.of(args[3]);
        double loadBefore = BenchStats.loadAverage();
        long started = System.nanoTime();
        try (BenchApp app = BenchApp.start(dataDirectory)) {
            LedgerBench bench = new LedgerBench(app, size, profile);
            bench.out.append(f("%n## Log of %,d entries%n%n", size));
            bench.out.append(f("Application started in %.1f s; 1-minute load average when the stage started: %.2f.%n",
                    (System.nanoTime() - started) / 1e9, loadBefore));
            bench.grow();
            bench.proofs();
            if (args.length == 4) {
                bench.appendMatrix();
                bench.checkpointLatency();
            }
            app.dropScratch();
            bench.out.append(f("%n_Stage done in %.0f s; 1-minute load average at the end: %.2f._%n", (System.nanoTime() - started) / 1e9,
                    BenchStats.loadAverage()));
            Files.writeString(results, bench.out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(0);
    }

    /** Appends to the default log in transactions of 1000 until it holds exactly {@code size} entries. */
    private void grow() throws Exception {
        section("Growing the log");
        long from = app.committedSize(app.defaultWorkspace);
        if (from > size) {
            throw new IllegalStateException("the log already holds " + from + " entries, more than " + size);
        }
        List<LedgerEvent> pool = BenchApp.eventPool(new BenchApp.Workspace(app.defaultWorkspace, BenchApp.DEFAULT_WORKSPACE), 1000);
        AtomicBoolean growing = new AtomicBoolean(true);
        AtomicLong maxBacklog = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (growing.get()) {
                try {
                    Thread.sleep(1000);
                    maxBacklog.accumulateAndGet(app.committedSize(app.defaultWorkspace) - app.integratedSize(app.defaultWorkspace), Math::max);
                } catch (Exception stop) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        long committed = from;
        long lastTenthFrom = from + (size - from) * 9 / 10;
        long lastTenthStarted = started;
        boolean inLastTenth = false;
        while (committed < size) {
            if (!inLastTenth && committed >= lastTenthFrom) {
                inLastTenth = true;
                lastTenthStarted = System.nanoTime();
                lastTenthFrom = committed;
            }
            int batch = (int) Math.min(1000, size - committed);
            app.append(pool.subList(0, batch));
            committed += batch;
        }
        long ended = System.nanoTime();
        long backlogAtEnd = size - app.integratedSize(app.defaultWorkspace);
        growing.set(false);
        sampler.join();
        long covered;
        while ((covered = app.checkpointSize(app.defaultWorkspace)) < size) {
            if (System.nanoTime() - ended > 600e9) {
                throw new IllegalStateException("no checkpoint covers " + size + " entries 10 minutes after the last append");
            }
            Thread.sleep(5);
        }
        long signed = System.nanoTime();
        if (covered != size) {
            throw new IllegalStateException("the checkpoint covers " + covered + " entries, not " + size);
        }
        double seconds = (ended - started) / 1e9;
        double lastTenthRate = inLastTenth && ended > lastTenthStarted ? (size - lastTenthFrom) / ((ended - lastTenthStarted) / 1e9) : Double.NaN;
        out.append(f("Grew the default workspace's log from %,d to %,d entries (1 writer, 1000 entries per transaction, the sequencer running): "
                        + "appends took %.1f s, **%,.0f entries/s** committed overall, %,.0f entries/s over the last tenth. Largest backlog of "
                        + "committed but not yet integrated entries (sampled each second): %,d, and %,d when the last append committed; "
                        + "a checkpoint covered the last entry %.2f s after that commit. **Appended, integrated and signed: %,.0f entries/s** "
                        + "(from the first append to the checkpoint covering the last).%n",
                from, size, seconds, (size - from) / seconds, lastTenthRate, maxBacklog.get(), backlogAtEnd, (signed - ended) / 1e9,
                (size - from) / ((signed - started) / 1e9)));
        out.append(f("%nTable sizes: %s.%n", tableSizes()));
        Files.writeString(app.dataDirectory.resolve(STATE_FILE), "workspace=" + app.defaultWorkspace + "\nsize=" + size + "\n");
        System.out.println(f("grow to %d: %.0f entries/s, max backlog %d", size, (size - from) / seconds, maxBacklog.get()));
    }

    private String tableSizes() {
        return app.jdbc.sql("""
                select string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)), ', ' order by relname)
                from pg_class c where relname in ('ledger_entries', 'ledger_hashes', 'ledger_tiles', 'ledger_checkpoints')""")
                .query(String.class).single();
    }

    private void proofs() throws Exception {
        section("Inclusion proofs");
        ProofLatencyBench bench = new ProofLatencyBench(app, app.defaultWorkspace, size);
        out.append(f("Random entries of the %,d-entry log, one request at a time, %d repetitions of %,d requests after a warm-up of %,d; "
                + "each cell is the median over the repetitions (min–max).%n%n", size, profile.proofRepetitions(), profile.proofRequests(), profile.proofRequests()));
        out.append("| path | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|\n");
        for (ProofLatencyBench.Path path : ProofLatencyBench.Path.values()) {
            bench.run(path, profile.proofRequests());
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> max = new ArrayList<>();
            for (int r = 0; r < profile.proofRepetitions(); r++) {
                Histogram latencies = bench.run(path, profile.proofRequests());
                p50.add(BenchStats.millis(latencies, 50));
                p99.add(BenchStats.millis(latencies, 99));
                max.add(latencies.getMaxValue() / 1000.0);
            }
            out.append(f("| %s | %s | %s | %s |%n", path.label, BenchStats.repeated(p50).format("%.2f"), BenchStats.repeated(p99).format("%.2f"),
                    BenchStats.repeated(max).format("%.1f")));
            System.out.println(f("proofs %s at %d: p50 %.2f ms p99 %.2f ms", path, size, BenchStats.repeated(p50).median(), BenchStats.repeated(p99).median()));
        }
    }

    private void appendMatrix() throws Exception {
        section("Append rate");
        AppendBench bench = new AppendBench(app, 4);
        bench.createPlainTable();
        out.append(f("Scratch logs in the same ledger_entries table (%,d rows at the start); the plain table has the same columns, primary key "
                        + "and four indexes and the same number of rows. %d trials of %.1f s each for the ledger and for plain INSERTs, "
                        + "alternating; each cell is the median over the trials (min–max); the ratio is taken trial by trial.%n%n",
                size, profile.trials(), profile.trialSeconds()));
        out.append("Before each configuration the sequencer is left to integrate what the previous one appended; during the trials it "
                + "integrates and signs as it always does, on the same two cores, so the ledger's rate includes competing with that work.\n\n");
        out.append(AppendBench.header());
        List<AppendBench.Config> configs = new ArrayList<>();
        for (int batch : new int[] {1, 10, 100, 1000}) {
            configs.add(new AppendBench.Config(batch, 1, false));
            configs.add(new AppendBench.Config(batch, 4, false));
            configs.add(new AppendBench.Config(batch, 4, true));
        }
        long maxBacklog = 0;
        for (AppendBench.Config config : configs) {
            bench.awaitIntegrated(120_000);
            AppendBench.Result result = bench.measure(config, profile.trials(), profile.trialSeconds());
            maxBacklog = Math.max(maxBacklog, bench.backlog());
            out.append(AppendBench.row(result));
            System.out.print(AppendBench.row(result));
        }
        out.append(f("%nSequencer backlog (committed, not yet integrated) right after the last trial of a configuration, at most: %,d entries.%n",
                maxBacklog));
        bench.dropPlainTable();
    }

    private void checkpointLatency() throws Exception {
        section("Append to signed checkpoint");
        CheckpointLatencyBench bench = new CheckpointLatencyBench(app);
        List<CheckpointLatencyBench.Scenario> scenarios = List.of(
                new CheckpointLatencyBench.Scenario("1,000 entries/s in transactions of 10", 1000, 10, false),
                new CheckpointLatencyBench.Scenario("same, plus a writer saturating another log (100/tx)", 1000, 10, true));
        out.append(f("Commit of an append until a checkpoint covering it is readable (polled every %d ms), default 1 s interval; "
                        + "%d runs of %.0f s per scenario, appends of the first second left out; each cell is the median over the runs (min–max).%n%n",
                CheckpointLatencyBench.POLL_MILLIS, profile.latencyRepetitions(), profile.latencySeconds()));
        out.append("| load | samples per run | p50 s | p95 s | p99 s | max s | interval between checkpoints, median / max s | neighbour entries/s, backlog at end |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CheckpointLatencyBench.Scenario scenario : scenarios) {
            List<Double> p50 = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> max = new ArrayList<>();
            List<Double> samples = new ArrayList<>();
            List<Double> medianInterval = new ArrayList<>();
            List<Double> maxInterval = new ArrayList<>();
            List<Double> neighbourRate = new ArrayList<>();
            List<Double> neighbourBacklog = new ArrayList<>();
            for (int r = 0; r < profile.latencyRepetitions(); r++) {
                CheckpointLatencyBench.Result result = bench.run(scenario, profile.latencySeconds());
                Histogram latencies = result.latencies();
                p50.add(BenchStats.millis(latencies, 50) / 1000);
                p95.add(BenchStats.millis(latencies, 95) / 1000);
                p99.add(BenchStats.millis(latencies, 99) / 1000);
                max.add(latencies.getMaxValue() / 1e6);
                samples.add((double) latencies.getTotalCount());
                medianInterval.add(result.medianIntervalSeconds());
                maxInterval.add(result.maxIntervalSeconds());
                neighbourRate.add(result.neighbourRate());
                neighbourBacklog.add((double) result.neighbourBacklog());
            }
            out.append(f("| %s | %,.0f | %s | %s | %s | %s | %.2f / %.2f | %s |%n", scenario.label(), BenchStats.repeated(samples).median(),
                    BenchStats.repeated(p50).format("%.2f"), BenchStats.repeated(p95).format("%.2f"), BenchStats.repeated(p99).format("%.2f"),
                    BenchStats.repeated(max).format("%.2f"), BenchStats.repeated(medianInterval).median(), BenchStats.repeated(maxInterval).max(),
                    scenario.saturatingNeighbour()
                            ? f("%,.0f, %,.0f", BenchStats.repeated(neighbourRate).median(), BenchStats.repeated(neighbourBacklog).median())
                            : "–"));
            System.out.println(f("checkpoint latency %s: p95 %.2f s", scenario.label(), BenchStats.repeated(p95).median()));
        }
    }

    private void section(String title) {
        out.append(f("%n### %s%n%n_1-minute load average at the start: %.2f._%n%n", title, BenchStats.loadAverage()));
    }
}
