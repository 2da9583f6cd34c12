package dev.greenlight.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.Pages;
import dev.greenlight.server.testing.ServerProcess;
import dev.greenlight.server.testing.TestPostgres;
import tools.jackson.databind.JsonNode;

/**
 * Kills the server with SIGKILL while files are being uploaded, restarts it, and checks that every upload answered
 * 201 is there with its original bytes and its ledger entry, and that no evidence exists without its blob.
 */
class EvidenceCrashTest {
    private static final int UPLOADERS = 3;

    @TempDir
    Path dataDirectory;

    @Test
    void everyAcknowledgedUploadSurvivesAKill() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        String release = "/api/v1/projects/crash/releases/1.0.0";
        try (ServerProcess first = ServerProcess.start(database, dataDirectory, Map.of())) {
            Api admin = first.api().as(first.bootstrapKey());
            assertThat(admin.post("/api/v1/projects", Map.of("slug", "crash", "name", "Crash")).status()).isEqualTo(201);
            assertThat(admin.post("/api/v1/projects/crash/releases", Map.of("version", "1.0.0", "commitSha", "a".repeat(40))).status()).isEqualTo(201);
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(UPLOADERS);
            for (int uploader = 0; uploader < UPLOADERS; uploader++) {
                load.submit(() -> {
                    while (loading.get()) {
                        int number = sequence.incrementAndGet();
                        // A comment after the root element makes every upload's bytes distinct.
                        byte[] distinct = (new String(EvidenceFiles.junit(number % 7), StandardCharsets.UTF_8) + "<!-- upload " + number + " -->\n")
                                .getBytes(StandardCharsets.UTF_8);
                        try {
                            HttpResult created = admin.postBytes(release + "/evidence", distinct, "application/xml");
                            if (created.status() == 201) {
                                acknowledged.put(created.json().get("id").asString(), EvidenceUploadTest.sha256(distinct));
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 60) {
                assertThat(System.nanoTime()).as("60 uploads acknowledged within 60 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            first.kill();
            loading.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        try (ServerProcess second = ServerProcess.start(database, dataDirectory, Map.of())) {
            Api admin = second.api().as(second.bootstrapKey());
            Map<String, JsonNode> stored = new ConcurrentHashMap<>();
            Pages.all(admin, release + "/evidence").forEach(evidence -> stored.put(evidence.get("id").asString(), evidence));
            assertThat(stored.keySet()).as("every acknowledged upload is there").containsAll(acknowledged.keySet());
            for (JsonNode evidence : stored.values()) {
                String id = evidence.get("id").asString();
                HttpResponse<byte[]> content = admin.getBytes(release + "/evidence/" + id + "/content", Map.of());
                assertThat(content.statusCode()).as("evidence %s has its bytes", id).isEqualTo(200);
                assertThat(EvidenceUploadTest.sha256(content.body())).isEqualTo(evidence.get("sha256").asString());
                JsonNode entry = admin.get("/api/v1/ledger/default/entries/" + evidence.get("ledgerIndex").asLong()).json();
                assertThat(entry.get("entry").get("subject").get("evidence").asString()).isEqualTo(id);
            }
            acknowledged.forEach((id, sha256) -> assertThat(stored.get(id).get("sha256").asString()).isEqualTo(sha256));
            assertThat(dataDirectory.resolve("blobs/staging").toFile().list()).as("staging leftovers are cleaned at start").isEmpty();
        }
    }
}
