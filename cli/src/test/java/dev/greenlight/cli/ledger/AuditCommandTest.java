package dev.greenlight.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.merkle.Rfc6962;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.tiles.EntryBundleAddress;
import dev.greenlight.ledger.tiles.EntryBundles;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tiles.HashTiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditCommandTest {
    private static final NoteSigner KEY = TestLedger.key(1);
    private static final NoteSigner NEW_KEY = TestLedger.key(51);
    private static final NoteSigner STRANGER = TestLedger.key(101);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    private Path configDirectory;

    private final TestLedger log = new TestLedger(KEY).growTo(300);
    private final FakeLedgerServer server = new FakeLedgerServer(log, log.sign()).publish(KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    private CliResult audit(String... options) {
        List<String> args = new ArrayList<>(List.of("ledger", "audit", "--workspace", FakeLedgerServer.WORKSPACE));
        args.addAll(List.of(options));
        return server.cli(configDirectory).run(args.toArray(String[]::new));
    }

    private Path stateFile() {
        return configDirectory.resolve("ledger").resolve(server.url().substring("http://".length()).replace(':', '_')).resolve("acme.json");
    }

    private JsonNode state() throws IOException {
        return JSON.readTree(Files.readString(stateFile()));
    }

    @Test
    void aCleanFirstAuditTrustsAndPinsTheServersKeysAndWritesAPrivateStateFile() throws IOException {
        CliResult result = audit();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).startsWith("Ledger audit of workspace acme on " + server.url() + ": OK\n")
                .containsPattern("Origin: +greenlight.test/ledger/acme\n")
                .containsPattern("Tree size: +300\n")
                .containsPattern("Root: +" + log.treeHead().root().base64().replace("+", "\\+") + "\n")
                .containsPattern("Entries checked: +300 \\(indexes 0 to 299\\)\n")
                .containsPattern("Previous size: +- \\(first audit of this log from this machine\\)\n")
                .containsPattern("Consistent with last audit: +- \\(nothing to compare with\\)\n");
        assertThat(result.err()).contains("Note: First audit of this log from this machine", KEY.verifier().verifierKey());
        assertThat(Files.getPosixFilePermissions(stateFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(stateFile().getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(configDirectory.resolve("ledger"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        JsonNode state = state();
        assertThat(state.path("size").longValue()).isEqualTo(300);
        assertThat(state.path("root").stringValue()).isEqualTo(log.treeHead().root().base64());
        assertThat(state.path("origin").stringValue()).isEqualTo(TestLedger.ORIGIN);
        assertThat(state.path("pinnedKeys").get(0).stringValue()).isEqualTo(KEY.verifier().verifierKey());
        assertThat(state.path("checkpoint").stringValue()).startsWith(TestLedger.ORIGIN + "\n300\n");
    }

    @Test
    void aSecondAuditReadsOnlyTheNewEntriesAndChecksConsistency() throws IOException {
        assertThat(audit().exitCode()).isZero();
        log.growTo(600);
        server.serve(log, log.sign()).takeRequests();

        CliResult result = audit();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("Entries checked: +300 \\(indexes 300 to 599\\)\n")
                .containsPattern("Previous size: +300 \\(audited ")
                .containsPattern("Consistent with last audit: +yes\n");
        List<String> requests = server.takeRequests();
        assertThat(requests).contains("/ledger/acme/tile/entries/001", "/ledger/acme/tile/entries/002.p/88")
                .doesNotContain("/ledger/acme/tile/entries/000");
        assertThat(state().path("size").longValue()).isEqualTo(600);
        assertThat(result.err()).doesNotContain("WARNING", "Note:");
    }

    @Test
    void fullRereadsEveryEntryAndStillChecksConsistency() {
        assertThat(audit().exitCode()).isZero();
        log.growTo(400);
        server.serve(log, log.sign()).takeRequests();

        CliResult result = audit("--full");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("Entries checked: +400 \\(indexes 0 to 399, --full\\)\n")
                .containsPattern("Consistent with last audit: +yes\n");
        assertThat(server.takeRequests()).contains("/ledger/acme/tile/entries/000");
    }

    @Test
    void anUnchangedLogIsConsistent() {
        assertThat(audit().exitCode()).isZero();

        CliResult result = audit();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("Entries checked: +0 \\(no new entries\\)\n").containsPattern("Consistent with last audit: +yes\n");
    }

    @Test
    void aServerThatRewroteHistoryIsInconsistent() throws IOException {
        assertThat(audit().exitCode()).isZero();
        String stateBefore = Files.readString(stateFile());
        TestLedger rewritten = new TestLedger(",\"rewritten\":true", KEY).growTo(400);
        server.serve(rewritten, rewritten.sign());

        CliResult result = audit();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).contains(": FAILED\n", "inconsistent with the last audit")
                .containsPattern("Failed check: +consistency\n")
                .containsPattern("Consistent with last audit: +NO\n")
                .contains("INCONSISTENT_CHECKPOINT", "(left unchanged)");
        assertThat(Files.readString(stateFile())).isEqualTo(stateBefore);

        CliResult full = audit("--full");
        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(full.out()).containsPattern("Failed check: +consistency\n");
    }

    @Test
    void aLogThatShrankIsInconsistent() {
        assertThat(audit().exitCode()).isZero();
        TestLedger shorter = new TestLedger(KEY).growTo(200);
        server.serve(shorter, shorter.sign());

        CliResult result = audit();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("Failed check: +consistency\n").contains("shrank from size 300 to 200");
    }

    @Test
    void aTamperedEntryBundleFailsTheHashTileCheck() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 256; i < 300; i++) {
            entries.add(log.entry(i));
        }
        entries.set(10, "{\"v\":1,\"n\":999}".getBytes(StandardCharsets.UTF_8));
        server.replace(new EntryBundleAddress(1, 44), EntryBundles.write(entries));

        CliResult result = audit();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).containsPattern("Failed check: +hash tile\n").contains("entry 266 hashes to", "ROOT_MISMATCH");
        assertThat(stateFile()).doesNotExist();
    }

    @Test
    void aMalformedEntryBundleFailsTheEntryBundleCheck() {
        byte[] bundle = log.tile(new EntryBundleAddress(0, 256)).orElseThrow();
        server.replace(new EntryBundleAddress(0, 256), java.util.Arrays.copyOf(bundle, bundle.length - 3));

        CliResult result = audit();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("Failed check: +entry bundle\n").contains("MALFORMED_ENTRY_BUNDLE");
    }

    @Test
    void entriesAndTilesTamperedTogetherFailTheRootCheck() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 256; i < 300; i++) {
            entries.add(log.entry(i));
        }
        byte[] forged = "{\"v\":1,\"n\":666}".getBytes(StandardCharsets.UTF_8);
        entries.set(43, forged);
        List<Hash> hashes = new ArrayList<>(HashTiles.parse(log.tile(new HashTileAddress(0, 1, 44)).orElseThrow(), 44));
        hashes.set(43, Rfc6962.leafHash(forged));
        server.replace(new EntryBundleAddress(1, 44), EntryBundles.write(entries))
                .replace(new HashTileAddress(0, 1, 44), HashTiles.concat(hashes));

        CliResult result = audit();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("Failed check: +root\n").contains("but its checkpoint signs");
    }

    @Test
    void aCheckpointSignedByAnUnknownKeyFailsTheSignatureCheck() {
        server.serve(log, log.signWith(STRANGER));

        CliResult result = audit();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("Failed check: +signature\n").contains("NO_TRUSTED_SIGNATURE");
        assertThat(stateFile()).doesNotExist();
    }

    @Test
    void givenKeysReplaceTheServersKeys() {
        server.publish();

        CliResult trusted = audit("--vkey", KEY.verifier().verifierKey());
        CliResult wrong = audit("--vkey", STRANGER.verifier().verifierKey());

        assertThat(trusted.exitCode()).as(trusted.all()).isZero();
        assertThat(trusted.out()).containsPattern("Keys: +1 given with --vkey/--vkey-file\n");
        assertThat(server.takeRequests()).doesNotContain("/api/v1/ledger/keys");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).containsPattern("Failed check: +signature\n");
    }

    @Test
    void aKeyRotationPinsTheNewKey() throws IOException {
        assertThat(audit().exitCode()).isZero();
        log.growTo(310);
        server.serve(log, log.signWith(KEY, NEW_KEY)).publish(KEY, NEW_KEY);

        CliResult result = audit();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.err()).contains("not pinned before", NEW_KEY.verifier().verifierKey()).doesNotContain("WARNING");
        assertThat(state().path("pinnedKeys")).hasSize(2);
    }

    @Test
    void warnsLoudlyWhenAPinnedKeyIsNoLongerPublished() throws IOException {
        assertThat(audit().exitCode()).isZero();
        server.serve(log, log.signWith(NEW_KEY)).publish(NEW_KEY);

        CliResult result = audit();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.err()).contains("WARNING: The server no longer publishes 1 key(s) pinned by an earlier audit: "
                + KEY.verifier().verifierKey(), "--accept-server-keys");
        assertThat(state().path("pinnedKeys")).hasSize(2);

        CliResult again = audit("-o", "json");
        assertThat(again.err()).contains("WARNING");
        assertThat(JSON.readTree(again.out()).path("warnings")).isNotEmpty();

        CliResult repinned = audit("--accept-server-keys");
        assertThat(repinned.exitCode()).isZero();
        assertThat(repinned.err()).doesNotContain("WARNING");
        assertThat(state().path("pinnedKeys")).hasSize(1);
        assertThat(state().path("pinnedKeys").get(0).stringValue()).isEqualTo(NEW_KEY.verifier().verifierKey());
        assertThat(audit().err()).doesNotContain("WARNING");
    }

    @Test
    void printsJsonForScripts() throws IOException {
        JsonNode first = JSON.readTree(audit("-o", "json").out());
        assertThat(first.path("result").stringValue()).isEqualTo("ok");
        assertThat(first.path("treeSize").longValue()).isEqualTo(300);
        assertThat(first.path("entriesChecked").longValue()).isEqualTo(300);
        assertThat(first.path("consistentWithLastAudit").isNull()).isTrue();
        assertThat(first.path("failure").isNull()).isTrue();

        TestLedger rewritten = new TestLedger("x", KEY).growTo(300);
        server.serve(rewritten, rewritten.sign());
        CliResult failed = audit("-o", "json");

        assertThat(failed.exitCode()).isEqualTo(1);
        JsonNode report = JSON.readTree(failed.out());
        assertThat(report.path("result").stringValue()).isEqualTo("failed");
        assertThat(report.path("consistentWithLastAudit").booleanValue()).isFalse();
        assertThat(report.path("failure").path("check").stringValue()).isEqualTo("consistency");
        assertThat(report.path("failure").path("errorCode").stringValue()).isEqualTo("INCONSISTENT_CHECKPOINT");
        assertThat(report.path("previousSize").longValue()).isEqualTo(300);
    }

    @Test
    void defaultsToTheWorkspaceOfTheApiKey() {
        CliResult result = server.cli(configDirectory).run("ledger", "audit");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(server.takeRequests()).contains("/api/v1/me");
    }

    @Test
    void aRejectedApiKeyIsAnError() {
        CliResult result = server.cli(configDirectory).env("GREENLIGHT_API_KEY", "glk_wrong_key").run("ledger", "audit", "--workspace", "acme");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("HTTP 401");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingTileIsAnErrorNotAVerdict() {
        server.serve(log, new TestLedger(KEY).growTo(600).sign());

        CliResult result = audit();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Could not download /ledger/acme/tile/", "HTTP 404");
    }

    @Test
    void aCorruptStateFileIsAnError() throws IOException {
        assertThat(audit().exitCode()).isZero();
        Files.writeString(stateFile(), "{\"version\":1,\"size\":\"many\"}");

        CliResult result = audit();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The ledger state file", "cannot be used", "delete it");
    }

    @Test
    void rejectsAWorkspaceThatIsNotASlug() {
        CliResult result = server.cli(configDirectory).run("ledger", "audit", "--workspace", "../etc");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not a workspace slug");
        assertThat(server.takeRequests()).isEmpty();
    }
}
