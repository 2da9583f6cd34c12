package dev.greenlight.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.merkle.ProofVerifier;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.Pages;
import dev.greenlight.server.testing.ServerProcess;
import dev.greenlight.server.testing.TestPostgres;
import tools.jackson.databind.JsonNode;

/**
 * Kills the server with SIGKILL in the middle of sustained appends, restarts it, and checks the ledger's promises:
 * every acknowledged write has its entry, indexes have no gaps, every entry's fact exists and vice versa, and the first
 * checkpoint after the restart is consistent with the last one signed before the kill.
 */
class LedgerCrashTest {
    private static final int WRITERS = 4;

    @TempDir
    Path dataDirectory;

    @Test
    void killDuringSustainedAppendsLosesNothingAndKeepsTheLogConsistent() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        Map<String, String> settings = Map.of("GREENLIGHT_LEDGER_CHECKPOINT_INTERVAL", "200ms");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicReference<byte[]> lastCheckpointBeforeKill = new AtomicReference<>();
        String project = "crash";

        try (ServerProcess first = ServerProcess.start(database, dataDirectory, settings)) {
            Api admin = first.api().as(first.bootstrapKey());
            assertThat(admin.post("/api/v1/projects", Map.of("slug", project, "name", "Crash")).status()).isEqualTo(201);
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(WRITERS + 1);
            for (int writer = 0; writer < WRITERS; writer++) {
                load.submit(() -> {
                    while (loading.get()) {
                        String version = "1.0." + sequence.incrementAndGet();
                        try {
                            HttpResult created = admin.post("/api/v1/projects/" + project + "/releases",
                                    Map.of("version", version, "commitSha", "a".repeat(40)));
                            if (created.status() == 201) {
                                acknowledged.add(version);
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            load.submit(() -> {
                while (loading.get()) {
                    try {
                        HttpResult checkpoint = admin.get("/ledger/default/checkpoint");
                        if (checkpoint.status() == 200) {
                            lastCheckpointBeforeKill.set(checkpoint.body().getBytes(StandardCharsets.UTF_8));
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
            awaitAcknowledged(acknowledged, 150);
            first.kill();
            loading.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastCheckpointBeforeKill.get()).as("a checkpoint was signed before the kill").isNotNull();

        try (ServerProcess second = ServerProcess.start(database, dataDirectory, settings)) {
            Api admin = second.api().as(second.bootstrapKey());
            NoteVerifiers keys = NoteVerifiers.parse(admin.get("/api/v1/ledger/keys").json().get("items").findValuesAsString("verifierKey"));
            HttpResult signed = admin.post("/api/v1/ledger/default/checkpoint", Map.of());
            assertThat(signed.status()).isEqualTo(200);

            List<JsonNode> entries = allEntries(admin);
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).get("index").asLong()).as("no gap at %d", i).isEqualTo(i);
            }
            Set<String> recordedVersions = new HashSet<>();
            entries.stream().filter(entry -> entry.get("kind").asString().equals("release.created"))
                    .forEach(entry -> assertThat(recordedVersions.add(entry.get("entry").get("subject").get("version").asString())).isTrue());
            assertThat(recordedVersions).as("every acknowledged release has its entry").containsAll(acknowledged);
            assertThat(releaseVersions(admin, project)).as("an entry exists if and only if its release was committed").isEqualTo(recordedVersions);

            SignedCheckpoint before = SignedCheckpoint.open(lastCheckpointBeforeKill.get(), keys);
            TreeHead after = new TreeHead(signed.json().get("size").asLong(), Hash.fromBase64(signed.json().get("root").asString()));
            assertThat(after.size()).isGreaterThanOrEqualTo(before.checkpoint().size());
            JsonNode proof = admin.get("/api/v1/ledger/default/proofs/consistency?from=" + before.checkpoint().size() + "&to=" + after.size()).json();
            ProofVerifier.verifyConsistency(before.checkpoint().size(), after.size(), before.checkpoint().root(), after.root(),
                    proof.get("hashes").values().stream().map(node -> Hash.fromBase64(node.asString())).toList());
            assertThat(after.size()).isEqualTo(entries.size());
        } finally {
            copyServerLogsForDiagnosis();
        }
    }

    private static void awaitAcknowledged(Set<String> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < count) {
            assertThat(System.nanoTime()).as("%d writes acknowledged within 60 s", count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<JsonNode> allEntries(Api admin) {
        return Pages.all(admin, "/api/v1/ledger/default/entries");
    }

    private static Set<String> releaseVersions(Api admin, String project) {
        Set<String> versions = new HashSet<>();
        Pages.all(admin, "/api/v1/projects/" + project + "/releases").forEach(release -> versions.add(release.get("version").asString()));
        return versions;
    }

    private void copyServerLogsForDiagnosis() {
        try (var logs = Files.list(dataDirectory)) {
            Path target = Path.of("target", "crash-test-logs");
            Files.createDirectories(target);
            for (Path log : logs.filter(path -> path.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException | UncheckedIOException e) {
            // diagnostics only
        }
    }
}
