package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.greenlight.server.testing.Fixtures;

/** Enqueuing: with the caller's transaction, once per key, by priority. */
class JobQueueTest extends JobsIntegrationTest {
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void jobEnqueuedInACommittedTransactionRunsWithWhatWasEnqueued() throws Exception {
        String key = Fixtures.unique("committed");
        UUID workspace = defaultWorkspace();

        transactions.executeWithoutResult(status -> queue.enqueue(now(TestJobs.RECORD, key, "{\"step\":1}", JobPriority.DEFAULT, workspace)));

        TestJobs.Run run = runs.awaitRuns(TestJobs.RECORD, key, 1).getFirst();
        assertThat(run.job().payload()).isEqualTo("{\"step\":1}");
        assertThat(run.job().attempt()).isEqualTo(1);
        assertThat(run.job().workspaceId()).isEqualTo(workspace);
        assertThat(run.job().idempotencyKey()).isEqualTo(TestJobs.RECORD + ":" + key);
        awaitGone(TestJobs.RECORD, key);
    }

    @Test
    void jobEnqueuedInARolledBackTransactionNeverExists() throws Exception {
        String rolledBack = Fixtures.unique("rolled-back");
        String marker = Fixtures.unique("marker");

        transactions.executeWithoutResult(status -> {
            queue.enqueue(new JobRequest(TestJobs.RECORD, rolledBack, "{}", JobPriority.DEFAULT, Instant.now().minusSeconds(60), null));
            assertThat(scheduled(TestJobs.RECORD, rolledBack)).as("visible inside its transaction").isTrue();
            status.setRollbackOnly();
        });
        // Without a transaction the queue commits on its own. The marker is due after the rolled-back job would have
        // been, with the same priority and one worker: once it ran, the other would have run before it.
        queue.enqueue(now(TestJobs.RECORD, marker, "{}", JobPriority.DEFAULT, null));

        runs.awaitRuns(TestJobs.RECORD, marker, 1);
        assertThat(runs.of(TestJobs.RECORD, rolledBack)).isEmpty();
        assertThat(scheduled(TestJobs.RECORD, rolledBack)).isFalse();
    }

    @Test
    void theSameKeyEnqueuedTwiceRunsOnceWithTheFirstPayload() throws Exception {
        String key = Fixtures.unique("twice");
        String marker = Fixtures.unique("marker");
        Instant due = Instant.now().plusMillis(800);

        queue.enqueue(new JobRequest(TestJobs.RECORD, key, "{\"first\":true}", JobPriority.DEFAULT, due, null));
        queue.enqueue(new JobRequest(TestJobs.RECORD, key, "{\"first\":false}", JobPriority.CRITICAL, due.minusMillis(500), null));
        queue.enqueue(new JobRequest(TestJobs.RECORD, marker, "{}", JobPriority.DEFAULT, due.plusMillis(200), null));

        runs.awaitRuns(TestJobs.RECORD, marker, 1);
        List<TestJobs.Run> ran = runs.of(TestJobs.RECORD, key);
        assertThat(ran).hasSize(1);
        assertThat(ran.getFirst().job().payload()).isEqualTo("{\"first\":true}");
        assertThat(ran.getFirst().at()).as("kept its own due time").isAfterOrEqualTo(due);
    }

    @Test
    void twoOpenTransactionsEnqueuingOneKeyBothCommit() throws Exception {
        String key = Fixtures.unique("concurrent");
        Instant due = Instant.now().plusMillis(500);
        CountDownLatch firstEnqueued = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        // Threads of their own: the common pool may have a single thread on two cores and would run these one by one.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transactions.executeWithoutResult(status -> {
                queue.enqueue(new JobRequest(TestJobs.RECORD, key, "{\"by\":\"first\"}", JobPriority.DEFAULT, due, null));
                firstEnqueued.countDown();
                await(releaseFirst);
            }));
            assertThat(firstEnqueued.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> transactions.executeWithoutResult(status -> {
                secondStarted.countDown();
                queue.enqueue(new JobRequest(TestJobs.RECORD, key, "{\"by\":\"second\"}", JobPriority.DEFAULT, due, null));
            }));
            assertThat(secondStarted.await(10, TimeUnit.SECONDS)).isTrue();

            Thread.sleep(300);
            assertThat(second.isDone()).as("the second waits for the first transaction").isFalse();
            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            releaseFirst.countDown();
            threads.shutdownNow();
        }

        assertThat(runs.awaitRuns(TestJobs.RECORD, key, 1).getFirst().job().payload()).isEqualTo("{\"by\":\"first\"}");
        awaitGone(TestJobs.RECORD, key);
        assertThat(runs.of(TestJobs.RECORD, key)).hasSize(1);
    }

    @Test
    void criticalJobsRunBeforeBulkJobsThatWereDueEarlier() throws Exception {
        String blocker = Fixtures.unique("blocker");
        runs.closeGate();
        queue.enqueue(now(TestJobs.BLOCK, blocker, "{}", JobPriority.DEFAULT, null));
        runs.awaitRuns(TestJobs.BLOCK, blocker, 1);

        // The only worker is busy: everything below waits in the table, the bulk jobs with the earlier due times.
        String batch = Fixtures.unique("batch");
        Instant earlier = Instant.now().minusSeconds(60);
        for (int i = 0; i < 3; i++) {
            queue.enqueue(new JobRequest(TestJobs.RECORD, batch + "-bulk-" + i, "{}", JobPriority.BULK, earlier.plusMillis(i), null));
        }
        for (int i = 0; i < 3; i++) {
            queue.enqueue(new JobRequest(TestJobs.RECORD, batch + "-critical-" + i, "{}", JobPriority.CRITICAL, Instant.now(), null));
        }
        runs.gate().countDown();

        List<String> order = runs.await(all -> all.stream().filter(run -> run.job().key().startsWith(batch)).count() == 6,
                        Duration.ofSeconds(20), "the six jobs").stream()
                .map(run -> run.job().key()).filter(key -> key.startsWith(batch)).toList();
        assertThat(order.subList(0, 3)).allMatch(key -> key.contains("-critical-"));
        assertThat(order.subList(3, 6)).containsExactly(batch + "-bulk-0", batch + "-bulk-1", batch + "-bulk-2");
    }

    @Test
    void aPausedApplicationRunsTheJobsEnqueuedMeanwhileWhenItResumes() throws Exception {
        // What the Spring test framework does to a cached application while other tests run: lifecycle beans stop,
        // and on restart only those that start automatically start again.
        String key = Fixtures.unique("paused");
        context.pause();
        try {
            queue.enqueue(now(TestJobs.RECORD, key, "{}", JobPriority.DEFAULT, null));
            Thread.sleep(400);
            assertThat(runs.of(TestJobs.RECORD, key)).as("no scheduler runs while paused").isEmpty();
        } finally {
            context.restart();
        }
        runs.awaitRuns(TestJobs.RECORD, key, 1);
    }

    @Test
    void aKindWithoutAHandlerIsRefused() {
        assertThatThrownBy(() -> queue.enqueue(now("test.nobody-handles-this", "k", "{}", JobPriority.DEFAULT, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.nobody-handles-this");
    }

    private void awaitGone(String kind, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (scheduled(kind, key)) {
            assertThat(System.nanoTime()).as("%s %s still scheduled", kind, key).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
