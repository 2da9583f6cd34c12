package dev.greenlight.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

class IdempotencyTest extends IntegrationTest {

    @Test
    void sameKeyAndBodyReplaysTheFirstResponseWithoutCreatingTwice() {
        String slug = Fixtures.unique("idem");
        Api client = admin().header("Idempotency-Key", Fixtures.unique("key"));
        HttpResult first = client.post("/api/v1/projects", Map.of("slug", slug, "name", "Idem"));
        HttpResult second = client.post("/api/v1/projects", Map.of("slug", slug, "name", "Idem"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndCreatesNothing() {
        Api client = admin().header("Idempotency-Key", Fixtures.unique("key"));
        String other = Fixtures.unique("other");
        assertThat(client.post("/api/v1/projects", Map.of("slug", Fixtures.unique("first"), "name", "A")).status()).isEqualTo(201);
        HttpResult reused = client.post("/api/v1/projects", Map.of("slug", other, "name", "B"));
        ProblemDetailsTest.assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(admin().get("/api/v1/projects/" + other).status()).isEqualTo(404);
    }

    @Test
    void failedRequestStoresNothingSoTheKeyCanBeRetried() {
        Api client = admin().header("Idempotency-Key", Fixtures.unique("key"));
        String slug = Fixtures.unique("retry");
        assertThat(client.post("/api/v1/projects", Map.of("slug", slug, "name", "")).status()).isEqualTo(400);
        HttpResult retried = client.post("/api/v1/projects", Map.of("slug", slug, "name", "Fixed"));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void concurrentDuplicatesCreateOnceAndAllGetTheSameAnswer() throws Exception {
        String slug = Fixtures.unique("race");
        Api client = admin().header("Idempotency-Key", Fixtures.unique("key"));
        List<Callable<HttpResult>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> client.post("/api/v1/projects", Map.of("slug", slug, "name", "Race")));
        }
        List<HttpResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<HttpResult> future : pool.invokeAll(attempts)) {
                results.add(future.get());
            }
        }
        assertThat(results).allSatisfy(result -> assertThat(result.status()).as(result.toString()).isEqualTo(201));
        assertThat(results).extracting(HttpResult::body).containsOnly(results.getFirst().body());
        assertThat(results).filteredOn(result -> result.header("Idempotent-Replayed") == null).hasSize(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = Fixtures.unique("shared-key");
        String otherCaller = fixtures.keyWithRole("workspace-admin", null);
        HttpResult mine = admin().header("Idempotency-Key", key).post("/api/v1/projects", Map.of("slug", Fixtures.unique("mine"), "name", "A"));
        HttpResult theirs = api.as(otherCaller).header("Idempotency-Key", key).post("/api/v1/projects", Map.of("slug", Fixtures.unique("theirs"), "name", "B"));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.body()).isNotEqualTo(mine.body());
    }

    @Test
    void malformedKeyIs400() {
        HttpResult result = admin().header("Idempotency-Key", "x".repeat(300)).post("/api/v1/projects", Map.of("slug", Fixtures.unique("p"), "name", "A"));
        ProblemDetailsTest.assertProblem(result, 400, "bad-request");
    }
}
