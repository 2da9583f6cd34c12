package dev.greenlight.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-only job handlers, active only under the {@link JobsIntegrationTest#PROFILE} profile so that no other test's
 * application (including those started with {@code InProcessServer}, which scans test classes too) gets them.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile(JobsIntegrationTest.PROFILE)
class TestJobs {
    /** Records the run and succeeds. */
    static final String RECORD = "test.record";
    /** Records the run, then waits until the test opens {@link Runs#gate()}. */
    static final String BLOCK = "test.block";
    /** Fails while {@link Runs#broken()} is set, three attempts at most; records each attempt with the wait before it. */
    static final String FLAKY = "test.flaky";
    static final int FLAKY_ATTEMPTS = 3;
    static final String FLAKY_MESSAGE = "deployer said no: https://bot:hunter2@cd.example.com/hooks/deploy?token=s3cr3t";

    @Bean
    Runs runs() {
        return new Runs();
    }

    @Bean
    JobHandler recordingHandler(Runs runs) {
        return new JobHandler() {
            @Override
            public String kind() {
                return RECORD;
            }

            @Override
            public void run(JobContext job) {
                runs.add(new Run(job, Instant.now(), null));
            }
        };
    }

    @Bean
    JobHandler blockingHandler(Runs runs) {
        return new JobHandler() {
            @Override
            public String kind() {
                return BLOCK;
            }

            @Override
            public void run(JobContext job) throws InterruptedException {
                runs.add(new Run(job, Instant.now(), null));
                if (!runs.gate().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            }
        };
    }

    @Bean
    JobHandler flakyHandler(Runs runs, JdbcClient jdbc) {
        return new JobHandler() {
            @Override
            public String kind() {
                return FLAKY;
            }

            @Override
            public int maxAttempts() {
                return FLAKY_ATTEMPTS;
            }

            @Override
            public void run(JobContext job) throws java.io.IOException {
                // While it runs, the execution still holds what the last failure scheduled: when that failure was
                // recorded (last_failure) and when this attempt was due (execution_time).
                Duration waited = jdbc.sql("""
                        select extract(epoch from execution_time - last_failure) * 1000 from scheduled_tasks
                        where task_name = :kind and task_instance = :key and last_failure is not null""")
                        .param("kind", job.kind()).param("key", job.key())
                        .query(Double.class).optional().map(millis -> Duration.ofMillis(Math.round(millis))).orElse(null);
                runs.add(new Run(job, Instant.now(), waited));
                if (runs.broken().get()) {
                    throw new java.io.IOException(FLAKY_MESSAGE, new IllegalStateException("connection refused"));
                }
            }
        };
    }

    /** One attempt a handler saw; {@code waited} is the backoff before it, for the flaky handler's retries. */
    record Run(JobContext job, Instant at, Duration waited) {
    }

    /** What the test handlers saw, in the order they ran. */
    static final class Runs {
        private final List<Run> runs = new ArrayList<>();
        private final AtomicBoolean broken = new AtomicBoolean(true);
        private volatile CountDownLatch gate = new CountDownLatch(1);

        synchronized void add(Run run) {
            runs.add(run);
            notifyAll();
        }

        synchronized List<Run> of(String kind, String key) {
            return runs.stream().filter(run -> run.job().kind().equals(kind) && run.job().key().equals(key)).toList();
        }

        synchronized List<Run> all() {
            return List.copyOf(runs);
        }

        /** Waits until the runs satisfy {@code condition}; fails the test after {@code timeout}. */
        synchronized List<Run> await(Predicate<List<Run>> condition, Duration timeout, String what) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.test(runs)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; runs: " + runs);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return List.copyOf(runs);
        }

        List<Run> awaitRuns(String kind, String key, int count) throws InterruptedException {
            await(all -> all.stream().filter(run -> run.job().kind().equals(kind) && run.job().key().equals(key)).count() >= count,
                    Duration.ofSeconds(20), count + " run(s) of " + kind + " " + key);
            return of(kind, key);
        }

        CountDownLatch gate() {
            return gate;
        }

        /** A closed gate for the next blocking job. */
        void closeGate() {
            gate = new CountDownLatch(1);
        }

        AtomicBoolean broken() {
            return broken;
        }
    }
}
