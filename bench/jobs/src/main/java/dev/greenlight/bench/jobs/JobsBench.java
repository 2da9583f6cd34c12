package dev.greenlight.bench.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.greenlight.server.jobs.JobPriority;
import dev.greenlight.server.jobs.JobRequest;

/**
 * Job queue benchmark, one run: throughput of no-op jobs through the real queue and scheduler on the embedded
 * PostgreSQL, and the latency from enqueue to the handler starting, on the node that enqueued and on another node.
 * <p>
 * Usage: {@code JobsBench WORK_DIR JOBS BATCH LATENCY_JOBS LATENCY_RATE OUT_FILE RUN_NAME}; appends one Markdown table
 * row per measurement to OUT_FILE, and {@code run<TAB>metric<TAB>value} lines to OUT_FILE.tsv for {@link JobsSummary}.
 */
public final class JobsBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private JobsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int latencyJobs = Integer.parseInt(args[3]);
        int latencyRate = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        String run = args[6];

        try (BenchNode node = BenchNode.start(work.resolve("node-a"), null)) {
            System.out.println("bench: warming up");
            throughput(node, Math.min(jobs, 5_000), batch);
            sameNodeLatency(node, Math.min(latencyJobs, 500), latencyRate);

            Throughput measured = throughput(node, jobs, batch);
            write(out, "| %s | throughput | %,d jobs, %d per transaction | enqueue %,.0f jobs/s | run %,.0f jobs/s | |".formatted(
                    run, jobs, batch, measured.enqueuedPerSecond(), measured.ranPerSecond()));
            metric(out, run, "enqueue jobs/s", measured.enqueuedPerSecond());
            metric(out, run, "run jobs/s", measured.ranPerSecond());
            System.out.printf(Locale.ROOT, "throughput: enqueue %.0f jobs/s, run %.0f jobs/s%n", measured.enqueuedPerSecond(), measured.ranPerSecond());

            Percentiles same = sameNodeLatency(node, latencyJobs, latencyRate);
            write(out, "| %s | latency, same node | %,d jobs at %d/s | p50 %.1f ms | p95 %.1f ms | p99 %.1f ms |".formatted(
                    run, latencyJobs, latencyRate, same.p50(), same.p95(), same.p99()));
            metrics(out, run, "same node", same);
            System.out.println("latency, same node: " + same);

            try (BenchNode other = BenchNode.start(work.resolve("node-b"), node.databaseUrl())) {
                node.stopRunningJobs();
                int otherJobs = Math.max(100, latencyJobs / 5);
                int otherRate = Math.max(1, latencyRate / 5);
                Percentiles across = latency(node, other, otherJobs, otherRate, "cross");
                write(out, "| %s | latency, other node | %,d jobs at %d/s | p50 %.1f ms | p95 %.1f ms | p99 %.1f ms |".formatted(
                        run, otherJobs, otherRate, across.p50(), across.p95(), across.p99()));
                metrics(out, run, "other node", across);
                System.out.println("latency, other node: " + across);
            }
        }
    }

    record Throughput(double enqueuedPerSecond, double ranPerSecond) {
    }

    record Percentiles(double p50, double p95, double p99, double max, int samples) {
        static Percentiles of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Percentiles(millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                    sorted.length);
        }

        /** Nearest rank. */
        private static double millis(long[] sorted, double quantile) {
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d jobs)", p50, p95, p99, max, samples);
        }
    }

    /**
     * Enqueues {@code jobs} no-op jobs in transactions of {@code batch}, all due an hour from now so that none runs
     * meanwhile; then makes them all due at once and waits until every one has run. The run rate is the jobs divided by
     * the time from that commit to the last job's start.
     */
    private static Throughput throughput(BenchNode node, int jobs, int batch) throws InterruptedException {
        node.seen.reset();
        String prefix = "tp-" + System.nanoTime() + "-";
        Instant later = Instant.now().plus(Duration.ofHours(1));
        long enqueueStart = System.nanoTime();
        for (int first = 0; first < jobs; first += batch) {
            int from = first;
            node.transactions.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(jobs, from + batch); i++) {
                    node.queue.enqueue(new JobRequest(BenchJobs.KIND, prefix + i, "{}", JobPriority.DEFAULT, later, null));
                }
            });
        }
        long enqueueEnd = System.nanoTime();
        long due = System.nanoTime();
        node.jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = :kind and task_instance like :prefix")
                .param("kind", BenchJobs.KIND).param("prefix", prefix + "%").update();
        await(() -> node.seen.runs() >= jobs, "all " + jobs + " jobs to run");
        long last = node.seen.lastRunNanos();
        awaitEmpty(node);
        return new Throughput(jobs / seconds(enqueueEnd - enqueueStart), jobs / seconds(last - due));
    }

    private static Percentiles sameNodeLatency(BenchNode node, int jobs, int ratePerSecond) throws InterruptedException {
        return latency(node, node, jobs, ratePerSecond, "same");
    }

    /**
     * Enqueues {@code jobs} jobs one per transaction on {@code enqueuing}, at a fixed rate, each due at once and
     * carrying the time just before its enqueue; {@code running} runs them. Returns the percentiles of enqueue → start.
     */
    private static Percentiles latency(BenchNode enqueuing, BenchNode running, int jobs, int ratePerSecond, String name)
            throws InterruptedException {
        running.seen.reset();
        String prefix = "lat-" + name + "-" + System.nanoTime() + "-";
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            long target = start + i * interval;
            long wait = target - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long enqueuedAt = System.nanoTime();
            String key = prefix + i;
            enqueuing.transactions.executeWithoutResult(status -> enqueuing.queue.enqueue(
                    new JobRequest(BenchJobs.KIND, key, "{\"t\":" + enqueuedAt + "}", JobPriority.DEFAULT, Instant.now(), null)));
        }
        await(() -> running.seen.latencies().size() >= jobs, "all " + jobs + " latency jobs to run");
        if (running.seen.duplicates() > 0) {
            throw new IllegalStateException(running.seen.duplicates() + " jobs ran twice");
        }
        return Percentiles.of(running.seen.latencies().values().stream().mapToLong(Long::longValue).toArray());
    }

    private static void awaitEmpty(BenchNode node) throws InterruptedException {
        await(() -> node.jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single() == 0,
                "scheduled_tasks to empty");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void metrics(Path out, String run, String name, Percentiles percentiles) throws IOException {
        metric(out, run, name + " p50 ms", percentiles.p50());
        metric(out, run, name + " p95 ms", percentiles.p95());
        metric(out, run, name + " p99 ms", percentiles.p99());
    }

    private static void metric(Path out, String run, String name, double value) throws IOException {
        Files.writeString(Path.of(out + ".tsv"), run + "\t" + name + "\t" + value + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void write(Path out, String line) throws IOException {
        Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
