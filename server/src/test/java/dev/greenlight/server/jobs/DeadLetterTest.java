package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import tools.jackson.databind.JsonNode;

/** A job that keeps failing: retried with backoff, dead-lettered, listed, replayed once, and only in its workspace. */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterTest extends JobsIntegrationTest {
    static final String PATH = "/api/v1/jobs/dead-letters";
    private static final String SECRET_IN_PAYLOAD = "payload-secret-7f3a";

    @AfterEach
    void breakTheFlakyHandlerAgain() {
        runs.broken().set(true);
    }

    @Test
    void failingJobIsRetriedWithGrowingCeilingsThenDeadLetteredAndReplayedOnce(CapturedOutput output) throws Exception {
        String key = Fixtures.unique("flaky");
        String payload = "{\"hook\":\"https://cd.example.com/deploy?token=" + SECRET_IN_PAYLOAD + "\"}";
        queue.enqueue(now(TestJobs.FLAKY, key, payload, JobPriority.CRITICAL, defaultWorkspace()));

        List<TestJobs.Run> attempts = runs.awaitRuns(TestJobs.FLAKY, key, TestJobs.FLAKY_ATTEMPTS);
        assertThat(attempts).extracting(run -> run.job().attempt()).containsExactly(1, 2, 3);
        assertThat(attempts.getFirst().waited()).as("no failure before the first attempt").isNull();
        // retry-base 50 ms: the wait after attempt n is drawn from [0, 50 ms × 2^(n-1)] (full jitter).
        assertThat(attempts.get(1).waited()).isBetween(Duration.ZERO, Duration.ofMillis(50 + 1));
        assertThat(attempts.get(2).waited()).isBetween(Duration.ZERO, Duration.ofMillis(100 + 1));

        JsonNode letter = awaitDeadLetter(admin(), key);
        assertThat(letter.get("kind").asString()).isEqualTo(TestJobs.FLAKY);
        assertThat(letter.get("priority").asString()).isEqualTo("critical");
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(letter.get("lastError").asString())
                .startsWith("java.io.IOException: deployer said no: https://***@cd.example.com/hooks/deploy?***")
                .endsWith("(caused by java.lang.IllegalStateException: connection refused)")
                .doesNotContain("hunter2").doesNotContain("s3cr3t");
        assertThat(letter.has("payload")).as("the payload is kept, not shown").isFalse();
        assertThat(letter.get("replayedAt").isNull()).isTrue();
        assertThat(scheduled(TestJobs.FLAKY, key)).as("the execution left with the dead letter").isFalse();
        String id = letter.get("id").asString();
        assertThat(jdbc.sql("select payload from job_dead_letters where id = :id").param("id", UUID.fromString(id)).query(String.class).single())
                .isEqualTo(payload);

        runs.broken().set(false);
        HttpResult replayed = admin().post(PATH + "/" + id + "/replay", Map.of());
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        String replayKey = key + "#replay-" + id;
        assertThat(replayed.json().get("replayKey").asString()).isEqualTo(replayKey);
        assertThat(replayed.json().get("replayedBy").asString()).isEqualTo("admin");
        assertThat(replayed.json().get("replayedAt").isNull()).isFalse();

        TestJobs.Run replay = runs.awaitRuns(TestJobs.FLAKY, replayKey, 1).getFirst();
        assertThat(replay.job().payload()).isEqualTo(payload);
        assertThat(replay.job().attempt()).isEqualTo(1);
        assertThat(replay.job().workspaceId()).isEqualTo(defaultWorkspace());
        assertThat(jdbc.sql("""
                select count(*) from ledger_entries where kind = 'job.replayed' and convert_from(entry, 'UTF8') like :id""")
                .param("id", "%" + id + "%").query(Long.class).single()).isEqualTo(1);

        HttpResult again = admin().post(PATH + "/" + id + "/replay", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).isEqualTo("urn:greenlight:problem:conflict");
        assertThat(again.json().get("detail").asString()).contains("already replayed", replayKey, "replayed once");

        // The log says which job failed and why, never what it carried.
        assertThat(output.getAll()).contains("job " + TestJobs.FLAKY + " " + key + " failed on attempt 1 of 3")
                .contains("moved to the dead letters as " + id)
                .doesNotContain(SECRET_IN_PAYLOAD).doesNotContain("hunter2");
    }

    @Test
    void anotherWorkspaceNeitherSeesNorReplaysTheDeadLetter() throws Exception {
        String key = Fixtures.unique("flaky");
        queue.enqueue(now(TestJobs.FLAKY, key, "{}", JobPriority.DEFAULT, defaultWorkspace()));
        String id = awaitDeadLetter(admin(), key).get("id").asString();

        HttpResult created = admin().post("/api/v1/workspaces", Map.of("slug", Fixtures.unique("tenant"), "name", "Tenant"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api other = api.as(created.json().get("apiKey").asString());

        HttpResult list = other.get(PATH);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsString("id")).doesNotContain(id);
        HttpResult replay = other.post(PATH + "/" + id + "/replay", Map.of());
        assertThat(replay.status()).isEqualTo(404);
        assertThat(replay.json().get("type").asString()).isEqualTo("urn:greenlight:problem:not-found");
        assertThat(admin().post(PATH + "/" + UUID.randomUUID() + "/replay", Map.of()).status()).isEqualTo(404);
        assertThat(admin().post(PATH + "/not-a-uuid/replay", Map.of()).status()).isEqualTo(404);
        assertThat(admin().get(PATH).json().get("items").findValuesAsString("id")).contains(id);
    }

    @Test
    void listingNeedsJobsManageAndPagesNewestFirst() throws Exception {
        String older = Fixtures.unique("flaky");
        queue.enqueue(now(TestJobs.FLAKY, older, "{}", JobPriority.DEFAULT, defaultWorkspace()));
        awaitDeadLetter(admin(), older);
        String newer = Fixtures.unique("flaky");
        queue.enqueue(now(TestJobs.FLAKY, newer, "{}", JobPriority.DEFAULT, defaultWorkspace()));
        awaitDeadLetter(admin(), newer);

        JsonNode first = admin().get(PATH + "?limit=1").json();
        assertThat(first.get("items").get(0).get("key").asString()).isEqualTo(newer);
        String cursor = first.get("nextCursor").asString();
        JsonNode second = admin().get(PATH + "?limit=1&cursor=" + cursor).json();
        assertThat(second.get("items").get(0).get("key").asString()).isEqualTo(older);

        HttpResult viewer = api.as(fixtures.keyWithRole("viewer", null)).get(PATH);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(api.anonymous().get(PATH).status()).isEqualTo(401);
        assertThat(admin().get(PATH + "?cursor=bogus").status()).isEqualTo(400);
    }

    /** The dead letter of the job with that key, once the flaky handler has used up its attempts. */
    static JsonNode awaitDeadLetter(Api api, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResult list = api.get(PATH + "?limit=200");
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            for (JsonNode item : list.json().get("items")) {
                if (item.get("key").asString().equals(key)) {
                    return item;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no dead letter for " + key);
    }
}
