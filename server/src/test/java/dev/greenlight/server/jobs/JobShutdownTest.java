package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import dev.greenlight.server.testing.InProcessServer;
import dev.greenlight.server.testing.TestPostgres;

/**
 * Closing the application (what SIGTERM does) lets a running job finish and removes it, so it never runs again; a job
 * still running when {@code shutdown-max-wait} is up is interrupted, counted as a failed attempt and run again by the
 * next node.
 */
class JobShutdownTest {
    static final String PROFILE = "jobs-shutdown-test";
    static final Duration SHORT_JOB = Duration.ofMillis(1500);
    static final Duration MAX_WAIT = Duration.ofSeconds(3);

    @TempDir
    Path dataDirectory;

    @Test
    void runningJobFinishesBeforeTheDatabaseClosesAndOneThatOutlastsTheWaitRunsAgainLater() throws Exception {
        String databaseUrl = TestPostgres.newDatabaseUrl();
        InProcessServer server = start(databaseUrl);
        SlowJobs.Seen seen;
        Instant closed;
        try {
            seen = server.context().getBean(SlowJobs.Seen.class);
            JobQueue queue = server.context().getBean(JobQueue.class);
            queue.enqueue(new JobRequest(SlowJobs.KIND, "short", "{}", JobPriority.DEFAULT, Instant.now(), null));
            queue.enqueue(new JobRequest(SlowJobs.KIND, "endless", "{}", JobPriority.DEFAULT, Instant.now(), null));
            assertThat(seen.bothStarted.await(30, TimeUnit.SECONDS)).as("both jobs started").isTrue();
        } finally {
            server.close();
            closed = Instant.now();
        }

        assertThat(seen.finished.get("short")).as("the short job finished before close() returned").isNotNull().isBefore(closed);
        assertThat(seen.interrupted).as("the endless job was interrupted").hasValue(1);
        assertThat(executions(databaseUrl)).as("what the first node left behind").containsExactly("endless attempt 2 not picked");

        InProcessServer next = start(databaseUrl);
        try {
            SlowJobs.Seen seenNext = next.context().getBean(SlowJobs.Seen.class);
            assertThat(seenNext.secondAttempt.await(30, TimeUnit.SECONDS)).as("the interrupted job ran again").isTrue();
            Thread.sleep(500);
            assertThat(seenNext.attempts).as("the finished job did not").doesNotContainKey("short");
        } finally {
            next.close();
        }
        assertThat(executions(databaseUrl)).isEmpty();
    }

    private InProcessServer start(String databaseUrl) {
        return InProcessServer.on(dataDirectory).profile(PROFILE).source(SlowJobs.class).externalDatabase(databaseUrl).withoutRateLimits()
                .property("greenlight.jobs.threads", "2")
                .property("greenlight.jobs.polling-interval", "100ms")
                .property("greenlight.jobs.retry-base", "100ms")
                .property("greenlight.jobs.shutdown-max-wait", MAX_WAIT.toSeconds() + "s")
                .start();
    }

    /** The jobs still in db-scheduler's table, as "key attempt n picked|not picked". */
    private static List<String> executions(String databaseUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "select task_instance, coalesce(consecutive_failures, 0) + 1 as attempt, picked from scheduled_tasks order by 1")) {
            List<String> executions = new java.util.ArrayList<>();
            while (rows.next()) {
                executions.add(rows.getString(1) + " attempt " + rows.getInt(2) + (rows.getBoolean(3) ? " picked" : " not picked"));
            }
            return executions;
        }
    }

    /**
     * "short" works for 1.5 s; "endless" works until interrupted on its first attempt and returns at once after. Active
     * only in this test's applications.
     */
    @Configuration(proxyBeanMethods = false)
    @Profile(PROFILE)
    static class SlowJobs {
        static final String KIND = "test.slow";

        @Bean
        Seen seen() {
            return new Seen();
        }

        @Bean
        JobHandler slowHandler(Seen seen) {
            return new JobHandler() {
                @Override
                public String kind() {
                    return KIND;
                }

                @Override
                public void run(JobContext job) throws InterruptedException {
                    seen.attempts.merge(job.key(), 1, Integer::sum);
                    if (job.key().equals("endless") && job.attempt() > 1) {
                        seen.secondAttempt.countDown();
                        return;
                    }
                    seen.bothStarted.countDown();
                    try {
                        Thread.sleep(job.key().equals("short") ? SHORT_JOB.toMillis() : Duration.ofMinutes(5).toMillis());
                    } catch (InterruptedException e) {
                        seen.interrupted.incrementAndGet();
                        throw e;
                    }
                    seen.finished.put(job.key(), Instant.now());
                }
            };
        }

        static final class Seen {
            final CountDownLatch bothStarted = new CountDownLatch(2);
            final CountDownLatch secondAttempt = new CountDownLatch(1);
            final Map<String, Integer> attempts = new ConcurrentHashMap<>();
            final Map<String, Instant> finished = new ConcurrentHashMap<>();
            final AtomicInteger interrupted = new AtomicInteger();
        }
    }
}
