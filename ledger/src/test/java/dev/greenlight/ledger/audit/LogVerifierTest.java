package dev.greenlight.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.HashUnavailableException;
import dev.greenlight.ledger.InconsistentCheckpointException;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.ProofVerificationException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.tiles.EntryBundleAddress;
import dev.greenlight.ledger.tiles.EntryBundles;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tiles.HashTiles;
import dev.greenlight.ledger.tiles.TileLayout;
import dev.greenlight.ledger.testing.TestKeys;
import dev.greenlight.ledger.testing.TestLog;
import dev.greenlight.ledger.tlogproof.TlogProof;
import dev.greenlight.ledger.tlogproof.TlogProofVerifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogVerifierTest {
    private final TestLog log = TestLog.withExampleKey();

    private LogVerifier verifier(boolean checkHashTiles) {
        return new LogVerifier(TestLog.ORIGIN, TestKeys.exampleVerifiers(), log.fetcher(), checkHashTiles);
    }

    @Test
    void auditsEveryEntryOfTheLog() {
        log.growTo(1234);
        List<Long> seen = new ArrayList<>();

        AuditResult result = verifier(true).audit(log.signCheckpoint(), null, (index, entry) -> {
            assertThat(entry).isEqualTo(log.entry(index));
            seen.add(index);
        });

        assertThat(result.entriesChecked()).isEqualTo(1234);
        assertThat(result.firstEntryChecked()).isZero();
        assertThat(result.checkpoint().checkpoint().treeHead()).isEqualTo(log.treeHead());
        assertThat(seen).hasSize(1234).isSorted();
    }

    @Test
    void auditsTheEmptyLog() {
        AuditResult result = verifier(true).audit(log.signCheckpoint(), null, EntryVisitor.IGNORE);
        assertThat(result.entriesChecked()).isZero();
    }

    @Test
    void continuesFromAPreviouslySeenTreeHeadReadingOnlyNewEntries() {
        log.growTo(700);
        TreeHead seen = verifier(true).audit(log.signCheckpoint(), null, EntryVisitor.IGNORE).checkpoint().checkpoint().treeHead();
        log.growTo(1500);
        List<Long> visited = new ArrayList<>();

        AuditResult result = verifier(true).audit(log.signCheckpoint(), seen, (index, entry) -> visited.add(index));

        assertThat(result.firstEntryChecked()).isEqualTo(700);
        assertThat(result.entriesChecked()).isEqualTo(800);
        assertThat(visited.getFirst()).isEqualTo(700L);
        assertThat(visited.getLast()).isEqualTo(1499L);
    }

    @Test
    void acceptsAnUnchangedLog() {
        log.growTo(300);
        byte[] checkpoint = log.signCheckpoint();
        AuditResult result = verifier(true).audit(checkpoint, log.treeHead(), EntryVisitor.IGNORE);
        assertThat(result.entriesChecked()).isZero();
    }

    @Test
    void detectsAnEntryChangedAfterItWasLogged() {
        log.growTo(600);
        byte[] checkpoint = log.signCheckpoint();
        List<byte[]> entries = new ArrayList<>();
        for (long i = 256; i < 512; i++) {
            entries.add(log.entry(i));
        }
        entries.set(17, "forged".getBytes());
        log.tamper(new EntryBundleAddress(1, 256), EntryBundles.write(entries));

        assertThatThrownBy(() -> verifier(false).audit(checkpoint, null, EntryVisitor.IGNORE))
                .isInstanceOf(ProofVerificationException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.ROOT_MISMATCH);
        assertThatThrownBy(() -> verifier(true).audit(checkpoint, null, EntryVisitor.IGNORE))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("entry 273");
    }

    @Test
    void detectsAHashTileThatDisagreesWithTheEntries() {
        log.growTo(300);
        byte[] checkpoint = log.signCheckpoint();
        HashTileAddress tile = TileLayout.hashTile(0, 1, 300);
        byte[] wrong = HashTiles.build(tile, log.store());
        wrong[0] ^= 1;
        log.tamper(tile, wrong);

        assertThatThrownBy(() -> verifier(true).audit(checkpoint, null, EntryVisitor.IGNORE))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("hash tile");
        assertThatCode(() -> verifier(false).audit(checkpoint, null, EntryVisitor.IGNORE)).doesNotThrowAnyException();
    }

    @Test
    void detectsALogThatRewroteHistory() {
        log.growTo(500);
        TreeHead seen = log.treeHead();
        TestLog rewritten = TestLog.withExampleKey();
        rewritten.append(TestLog.numberedEntries(1, 501));
        rewritten.growTo(900);
        LogVerifier verifier = new LogVerifier(TestLog.ORIGIN, TestKeys.exampleVerifiers(), rewritten.fetcher(), true);
        byte[] checkpoint = rewritten.signCheckpoint();

        assertThatThrownBy(() -> verifier.audit(checkpoint, seen, EntryVisitor.IGNORE))
                .isInstanceOf(InconsistentCheckpointException.class)
                .hasMessageContaining("rewrote history");
        assertThatThrownBy(() -> verifier.verifyConsistency(seen, verifier.verifyCheckpoint(checkpoint)))
                .isInstanceOf(InconsistentCheckpointException.class);
    }

    @Test
    void detectsALogThatShrank() {
        log.growTo(100);
        byte[] small = log.signCheckpoint();
        TreeHead larger = new TreeHead(200, log.treeHead().root());

        assertThatThrownBy(() -> verifier(true).audit(small, larger, EntryVisitor.IGNORE))
                .isInstanceOf(InconsistentCheckpointException.class)
                .hasMessageContaining("shrank");
    }

    @Test
    void verifiesConsistencyFromTilesAlone() {
        log.growTo(1000);
        TreeHead seen = log.treeHead();
        log.growTo(70_000);
        SignedCheckpoint current = verifier(true).verifyCheckpoint(log.signCheckpoint());

        assertThatCode(() -> verifier(true).verifyConsistency(seen, current)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier(true).verifyConsistency(new TreeHead(1000, log.tree().root(999)), current))
                .isInstanceOf(InconsistentCheckpointException.class);
    }

    @Test
    void buildsProofFilesThatVerifyOffline() {
        log.growTo(5000);
        SignedCheckpoint checkpoint = verifier(true).verifyCheckpoint(log.signCheckpoint());

        TlogProof proof = verifier(true).proveInclusion(4321, checkpoint);

        assertThat(TlogProofVerifier.verify(proof.toBytes(), log.entry(4321), TestKeys.exampleVerifiers()).index()).isEqualTo(4321);
    }

    @Test
    void rejectsACheckpointOfAnotherKey() {
        log.growTo(10);
        byte[] checkpoint = new TestLog(TestKeys.rotatedSigner()).signCheckpoint();

        assertThatThrownBy(() -> verifier(true).audit(checkpoint, null, EntryVisitor.IGNORE)).isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void reportsMissingAndMalformedBundles() {
        log.growTo(10);
        byte[] checkpoint = log.signCheckpoint();
        TestLog empty = TestLog.withExampleKey();
        LogVerifier withoutTiles = new LogVerifier(TestLog.ORIGIN, TestKeys.exampleVerifiers(), empty.fetcher(), false);
        assertThatThrownBy(() -> withoutTiles.audit(checkpoint, null, EntryVisitor.IGNORE)).isInstanceOf(HashUnavailableException.class);

        log.tamper(new EntryBundleAddress(0, 10), new byte[] {0, 5, 1});
        assertThatThrownBy(() -> verifier(false).audit(checkpoint, null, EntryVisitor.IGNORE)).isInstanceOf(LedgerFormatException.class);
    }
}
