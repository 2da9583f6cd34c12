package dev.greenlight.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.InProcessServer;
import dev.greenlight.server.testing.Pages;
import dev.greenlight.server.testing.TestPostgres;

/**
 * Two nodes on one PostgreSQL, both holding the configured signing key: exactly one is the sequencer, writes through
 * both get consecutive indexes, and when the sequencer stops the other node takes over.
 */
class TwoNodeLedgerTest {
    private static final byte[] SEED = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path keys;

    @Test
    void oneSequencerConsecutiveIndexesAcrossNodesAndFailover() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        Path keyFile = keys.resolve("ledger.pk8");
        Files.write(keyFile, pkcs8(SEED));
        try (InProcessServer nodeA = node(first, database, keyFile); InProcessServer nodeB = node(second, database, keyFile)) {
            String adminKey = InProcessServer.readKeyFile(first).or(() -> InProcessServer.readKeyFile(second)).orElseThrow();
            Api a = nodeA.api().as(adminKey);
            Api b = nodeB.api().as(adminKey);

            awaitExactlyOneLeader(nodeA, nodeB);

            List<Callable<HttpResult>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Api through = i % 2 == 0 ? a : b;
                writes.add(() -> through.post("/api/v1/projects", Map.of("slug", Fixtures.unique("node"), "name", "N")));
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
                for (Future<HttpResult> result : pool.invokeAll(writes)) {
                    assertThat(result.get().status()).isEqualTo(201);
                }
            }
            List<Long> indexes = indexes(b);
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i)).isEqualTo(i);
            }

            String origin = a.get("/api/v1/ledger/default/checkpoint").json().get("origin").asString();
            String expectedKey = NoteSigner.ofEd25519Seed(origin, SEED).verifier().verifierKey();
            assertThat(b.get("/api/v1/ledger/keys").json().get("items").findValuesAsString("verifierKey")).containsExactly(expectedKey);
            byte[] checkpoint = nodeB.api().get("/ledger/default/checkpoint").body().getBytes(StandardCharsets.UTF_8);
            assertThat(SignedCheckpoint.open(checkpoint, NoteVerifiers.parse(List.of(expectedKey))).checkpoint().origin()).isEqualTo(origin);
            assertThat(nodeB.api().get("/ledger/default/tile/0/000.p/1").status()).as("only the checkpoint is public").isEqualTo(401);

            InProcessServer leader = isLeader(nodeA) ? nodeA : nodeB;
            InProcessServer follower = leader == nodeA ? nodeB : nodeA;
            leader.close();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (!isLeader(follower)) {
                assertThat(Instant.now()).as("the other node takes over").isBefore(deadline);
                Thread.sleep(50);
            }
            Api survivor = follower.api().as(adminKey);
            assertThat(survivor.post("/api/v1/projects", Map.of("slug", Fixtures.unique("after"), "name", "After")).status()).isEqualTo(201);
            long size = indexes(survivor).size();
            deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (SignedCheckpoint.open(follower.api().get("/ledger/default/checkpoint").body().getBytes(StandardCharsets.UTF_8),
                    NoteVerifiers.parse(List.of(expectedKey))).checkpoint().size() < size) {
                assertThat(Instant.now()).as("the new sequencer signs the new entries").isBefore(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static InProcessServer node(Path dataDirectory, String database, Path keyFile) {
        return InProcessServer.on(dataDirectory).externalDatabase(database).withoutRateLimits()
                .property("greenlight.ledger.signing-key-file", keyFile.toString())
                .property("greenlight.ledger.checkpoint-interval", "200ms")
                .property("greenlight.ledger.public-checkpoint", "true")
                .start();
    }

    private static void awaitExactlyOneLeader(InProcessServer nodeA, InProcessServer nodeB) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!(isLeader(nodeA) ^ isLeader(nodeB))) {
            assertThat(Instant.now()).as("one node is elected").isBefore(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertThat(isLeader(nodeA) && isLeader(nodeB)).as("never two sequencers").isFalse();
    }

    private static boolean isLeader(InProcessServer node) {
        return node.context().isActive() && node.context().getBean(Sequencer.class).isLeader();
    }

    private static List<Long> indexes(Api api) {
        return Pages.all(api, "/api/v1/ledger/default/entries").stream().map(item -> item.get("index").asLong()).toList();
    }

    private static byte[] pkcs8(byte[] seed) {
        byte[] prefix = FileKeyProvider.PKCS8_PREFIX;
        byte[] encoded = new byte[prefix.length + seed.length];
        System.arraycopy(prefix, 0, encoded, 0, prefix.length);
        System.arraycopy(seed, 0, encoded, prefix.length, seed.length);
        return encoded;
    }
}
