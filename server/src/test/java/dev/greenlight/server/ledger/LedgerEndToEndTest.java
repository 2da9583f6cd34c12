package dev.greenlight.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.audit.AuditResult;
import dev.greenlight.ledger.audit.LogVerifier;
import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.merkle.ProofVerifier;
import dev.greenlight.ledger.merkle.Rfc6962;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.tiles.TileFetcher;
import dev.greenlight.ledger.tlogproof.TlogProofVerifier;
import dev.greenlight.ledger.tlogproof.VerifiedEntry;
import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.testing.Pages;
import tools.jackson.databind.JsonNode;

/**
 * The ledger as an outsider sees it: everything fetched over HTTP and checked with the library's verifiers, trusting
 * only the published verifier keys.
 */
class LedgerEndToEndTest extends IntegrationTest {

    @Test
    void recordedFactsAreCanonicalJsonEntriesWithTheirLeafHashes() {
        String project = fixtures.project();
        JsonNode entries = admin().get("/api/v1/ledger/default/entries?kind=project.created&project=" + project).json().get("items");
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("entry").get("subject").get("slug").asString()).isEqualTo(project);
        long index = entry.get("index").asLong();
        byte[] raw = rawEntry(index);
        assertThat(new String(raw, StandardCharsets.UTF_8)).startsWith("{\"actor\":\"admin\",\"at\":\"").contains("\"kind\":\"project.created\"");
        assertThat(Rfc6962.leafHash(raw).hex()).isEqualTo(entry.get("leafHash").asString());
    }

    @Test
    void everyListedKindOfChangeIsRecorded() {
        String project = fixtures.project();
        fixtures.environment(project, "staging");
        fixtures.release(project, "1.0.0");
        admin().patch("/api/v1/projects/" + project, Map.of("name", "Renamed"));
        String key = fixtures.keyWithRole("developer", project);
        String keyId = key.substring(4, 20);
        HttpResult me = api.as(key).get("/api/v1/me");
        String bot = me.json().get("name").asString();
        assertThat(admin().delete("/api/v1/service-accounts/" + bot + "/api-keys/" + keyId).status()).isEqualTo(200);
        JsonNode items = admin().get("/api/v1/ledger/default/entries?project=" + project + "&limit=200").json().get("items");
        assertThat(items.findValuesAsString("kind")).contains("project.created", "environment.created", "release.created", "project.updated", "role.granted");
        JsonNode keyEntries = admin().get("/api/v1/ledger/default/entries?kind=api-key.revoked&limit=200").json().get("items");
        assertThat(keyEntries.findValuesAsString("kind")).isNotEmpty();
        assertThat(keyEntries.toString()).contains(keyId);
        assertThat(admin().get("/api/v1/ledger/default/entries?kind=workspace.created").json().get("items").get(0).get("actor").asString())
                .isEqualTo("system");
    }

    @Test
    void refusedRequestRecordsNothing() {
        String project = fixtures.project();
        long before = countEntries();
        assertThat(admin().post("/api/v1/projects", Map.of("slug", project, "name", "Duplicate")).status()).isEqualTo(409);
        assertThat(admin().post("/api/v1/projects/" + project + "/releases", Map.of("version", "1.0.0", "commitSha", "bad")).status()).isEqualTo(400);
        assertThat(countEntries()).isEqualTo(before);
    }

    @Test
    void concurrentWritersGetConsecutiveIndexesWithoutGaps() throws Exception {
        List<Callable<HttpResult>> creations = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            creations.add(() -> admin().post("/api/v1/projects", Map.of("slug", Fixtures.unique("concurrent"), "name", "C")));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<HttpResult> future : pool.invokeAll(creations)) {
                assertThat(future.get().status()).isEqualTo(201);
            }
        }
        List<Long> indexes = allIndexes();
        for (int i = 0; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).isEqualTo(i);
        }
    }

    @Test
    void checkpointTilesAndEntriesPassAnIndependentAudit() throws Exception {
        fixtures.project();
        signNow();
        NoteVerifiers keys = publishedKeys();
        byte[] checkpoint = checkpointBytes();
        String origin = SignedCheckpoint.open(checkpoint, keys).checkpoint().origin();
        assertThat(origin).endsWith("/default");
        Set<Long> seen = new HashSet<>();
        AuditResult result = new LogVerifier(origin, keys, tiles(), true).audit(checkpoint, null, (index, entry) -> seen.add(index));
        assertThat(result.entriesChecked()).isEqualTo(result.checkpoint().checkpoint().size()).isGreaterThan(1);
        assertThat(seen).hasSize((int) result.entriesChecked());
    }

    @Test
    void tlogProofVerifiesTheEntryOfflineWithTheVerifierKey() {
        String project = fixtures.project();
        long index = admin().get("/api/v1/ledger/default/entries?kind=project.created&project=" + project).json().get("items").get(0).get("index").asLong();
        signNow();
        HttpResult proof = admin().get("/api/v1/ledger/default/entries/" + index + "/proof");
        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.body()).startsWith("c2sp.org/tlog-proof@v1\nindex " + index + "\n");
        VerifiedEntry verified = TlogProofVerifier.verify(proof.body().getBytes(StandardCharsets.UTF_8), rawEntry(index), publishedKeys());
        assertThat(verified.index()).isEqualTo(index);
        byte[] tampered = rawEntry(index).clone();
        tampered[tampered.length - 2] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TlogProofVerifier.verify(proof.body().getBytes(StandardCharsets.UTF_8), tampered, publishedKeys()))
                .isInstanceOf(dev.greenlight.ledger.LedgerException.class);
    }

    @Test
    void consistencyProofLinksAnOldCheckpointToANewOne() {
        TreeHead old = signNow();
        fixtures.project();
        TreeHead current = signNow();
        JsonNode proof = admin().get("/api/v1/ledger/default/proofs/consistency?from=" + old.size() + "&to=" + current.size()).json();
        List<Hash> hashes = proof.get("hashes").values().stream().map(node -> Hash.fromBase64(node.asString())).toList();
        ProofVerifier.verifyConsistency(old.size(), current.size(), old.root(), current.root(), hashes);
        assertThat(admin().get("/api/v1/ledger/default/proofs/consistency?from=5&to=1").status()).isEqualTo(400);
    }

    @Test
    void checkpointIsSignedByTheSequencerWithinTheInterval() throws Exception {
        fixtures.project();
        long size = allIndexes().size();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        // Until the sequencer's first tick in a fresh context there is no checkpoint at all (404): wait for it too.
        while (signedSize() < size) {
            assertThat(Instant.now()).as("a checkpoint covering %d entries within 10 s", size).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void tilesAndCheckpointAreServedWithTheirContentTypesAndCaching() {
        fixtures.project();
        signNow();
        HttpResult checkpoint = admin().get("/ledger/default/checkpoint");
        assertThat(checkpoint.contentType()).isEqualTo("text/plain;charset=utf-8");
        assertThat(checkpoint.header("Cache-Control")).contains("no-cache");
        HttpResult tile = admin().get("/ledger/default/tile/0/000.p/1");
        assertThat(tile.status()).isEqualTo(200);
        assertThat(tile.contentType()).isEqualTo("application/octet-stream");
        assertThat(tile.header("Cache-Control")).contains("immutable");
        assertThat(admin().get("/ledger/default/tile/0/0001").status()).isEqualTo(404);
        assertThat(admin().get("/ledger/default/tile/entries/x999/999").status()).isEqualTo(404);
    }

    @Test
    void ledgerIsReadableOnlyInsideItsWorkspaceAndWithLedgerRead() {
        HttpResult other = admin().post("/api/v1/workspaces", Map.of("slug", Fixtures.unique("other"), "name", "Other"));
        Api outsider = api.as(other.json().get("apiKey").asString());
        assertThat(outsider.get("/ledger/default/checkpoint").status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/ledger/default/entries").status()).isEqualTo(404);
        assertThat(api.get("/ledger/default/checkpoint").status()).isEqualTo(401);
        String projectOnly = fixtures.keyWithRole("viewer", fixtures.project());
        assertThat(api.as(projectOnly).get("/api/v1/ledger/default/entries").status()).isEqualTo(403);
        assertThat(api.as(fixtures.keyWithRole("viewer", null)).get("/api/v1/ledger/default/entries").status()).isEqualTo(200);
    }

    private TreeHead signNow() {
        HttpResult signed = admin().post("/api/v1/ledger/default/checkpoint", Map.of());
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return new TreeHead(signed.json().get("size").asLong(), Hash.fromBase64(signed.json().get("root").asString()));
    }

    private NoteVerifiers publishedKeys() {
        JsonNode keys = admin().get("/api/v1/ledger/keys").json().get("items");
        return NoteVerifiers.parse(keys.findValuesAsString("verifierKey"));
    }

    private long signedSize() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/ledger/default/checkpoint"))
                .header("Authorization", "Bearer " + bootstrapKey()).build();
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return -1;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        return SignedCheckpoint.open(response.body(), publishedKeys()).checkpoint().size();
    }

    private byte[] checkpointBytes() {
        return send("/ledger/default/checkpoint");
    }

    private byte[] rawEntry(long index) {
        return send("/api/v1/ledger/default/entries/" + index + "/raw");
    }

    private TileFetcher tiles() {
        return tile -> send("/ledger/default/" + tile.path());
    }

    private byte[] send(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Authorization", "Bearer " + bootstrapKey()).build();
        try {
            HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long countEntries() {
        return allIndexes().size();
    }

    private List<Long> allIndexes() {
        return Pages.all(admin(), "/api/v1/ledger/default/entries").stream().map(item -> item.get("index").asLong()).toList();
    }
}
