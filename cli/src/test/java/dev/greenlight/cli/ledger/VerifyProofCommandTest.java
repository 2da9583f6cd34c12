package dev.greenlight.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.ledger.note.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyProofCommandTest {
    private static final NoteSigner KEY = TestLedger.key(1);
    private static final NoteSigner OTHER_KEY = TestLedger.key(101);
    private static final int INDEX = 3;

    @TempDir
    private Path directory;

    private Path proof;
    private Path entry;
    private CliRunner cli;

    @BeforeEach
    void writeAProofMadeByTheLedgerLibrary() throws IOException {
        TestLedger log = new TestLedger(KEY).growTo(10);
        byte[] checkpoint = log.sign();
        proof = Files.write(directory.resolve("acme-3.tlog-proof"), log.proof(INDEX, checkpoint, 10));
        entry = Files.write(directory.resolve("acme-3.json"), log.entry(INDEX));
        // No server and no config: verify-proof needs neither.
        cli = CliRunner.withConfigIn(directory.resolve("no-config"));
    }

    private CliResult verify(String... extra) {
        String[] args = {"ledger", "verify-proof", proof.toString(), "--entry", entry.toString()};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return cli.run(all);
    }

    @Test
    void verifiesAnEntryIncludedUnderACheckpointSignedByTheKey() {
        CliResult result = verify("--vkey", KEY.verifier().verifierKey());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).startsWith("Verified: the entry is in the log at index 3.\n")
                .containsPattern("Origin: +greenlight.test/ledger/acme\n")
                .containsPattern("Index: +3\n")
                .containsPattern("Tree size: +10\n")
                .contains("Signed by:  " + KEY.name() + "+" + KEY.keyId().hex());
        assertThat(result.err()).isEmpty();
        assertThat(directory.resolve("no-config")).doesNotExist();
    }

    @Test
    void printsJsonForScripts() {
        CliResult result = verify("--vkey", KEY.verifier().verifierKey(), "-o", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"verified\": true", "\"index\": 3", "\"treeSize\": 10",
                "\"origin\": \"greenlight.test/ledger/acme\"");
    }

    @Test
    void rejectsATamperedEntry() throws IOException {
        byte[] tampered = Files.readAllBytes(entry);
        tampered[tampered.length - 2] ^= 1;
        Files.write(entry, tampered);

        CliResult result = verify("--vkey", KEY.verifier().verifierKey());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("NOT verified").contains("INVALID_INCLUSION_PROOF");
    }

    @Test
    void pointsOutATrailingNewlineInTheEntryFile() throws IOException {
        Files.write(entry, (new String(Files.readAllBytes(entry), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));

        CliResult result = verify("--vkey", KEY.verifier().verifierKey());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("the entry file ends with a newline");
    }

    @Test
    void rejectsACheckpointSignedByAnotherKey() {
        CliResult result = verify("--vkey", OTHER_KEY.verifier().verifierKey());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("NOT verified").contains("NO_TRUSTED_SIGNATURE");
    }

    @Test
    void acceptsTheRightKeyAmongSeveral() {
        CliResult result = verify("--vkey", OTHER_KEY.verifier().verifierKey(), "--vkey", KEY.verifier().verifierKey());

        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void readsKeysFromAFileSkippingCommentsAndBlankLines() throws IOException {
        Path keys = Files.writeString(directory.resolve("acme.vkeys"),
                "# acme ledger keys\n\n" + OTHER_KEY.verifier().verifierKey() + "\n  " + KEY.verifier().verifierKey() + "  \n");

        CliResult result = verify("--vkey-file", keys.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void requiresTheOriginWhenGiven() {
        assertThat(verify("--vkey", KEY.verifier().verifierKey(), "--origin", TestLedger.ORIGIN).exitCode()).isZero();

        CliResult result = verify("--vkey", KEY.verifier().verifierKey(), "--origin", "greenlight.test/ledger/other");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("ORIGIN_MISMATCH");
    }

    @Test
    void aGarbageProofFileIsANegativeVerdict() throws IOException {
        Files.writeString(proof, "this is not a proof\n");

        CliResult result = verify("--vkey", KEY.verifier().verifierKey());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("NOT verified").contains("MALFORMED_TLOG_PROOF");
    }

    @Test
    void aMissingFileIsAnError() throws IOException {
        Files.delete(entry);

        CliResult result = verify("--vkey", KEY.verifier().verifierKey());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: The entry file ").contains("does not exist");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingKeyFileIsAnError() {
        CliResult result = verify("--vkey-file", directory.resolve("nope.vkeys").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("key file", "does not exist");
    }

    @Test
    void aMalformedKeyIsAnError() {
        CliResult result = verify("--vkey", "example.com/log+zz+AAAA");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The verifier key 'example.com/log+zz+AAAA' (--vkey) is malformed");
    }

    @Test
    void needsAtLeastOneKey() {
        CliResult result = verify();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--vkey");
    }

    @Test
    void needsTheEntry() {
        CliResult result = cli.run("ledger", "verify-proof", proof.toString(), "--vkey", KEY.verifier().verifierKey());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--entry=FILE'");
    }
}
