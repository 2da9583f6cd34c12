package dev.greenlight.ledger.audit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.testing.TestKeys;
import dev.greenlight.ledger.testing.TestLog;
import dev.greenlight.ledger.tiles.TileAddress;
import dev.greenlight.ledger.tiles.TileFetcher;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An audit against a log that serves fuzzed tiles and bundles in place of some real ones: it fails only with a
 * {@link LedgerException}, and when it succeeds every entry it reported is the real one.
 */
class LogVerifierFuzzTest {
    private static final TestLog LOG = TestLog.withExampleKey();
    private static final TreeHead SEEN;
    private static final byte[] CHECKPOINT;
    private static final List<String> PATHS;

    static {
        LOG.growTo(290);
        SEEN = LOG.treeHead();
        LOG.growTo(600);
        CHECKPOINT = LOG.signCheckpoint();
        PATHS = new ArrayList<>(LOG.publishedPaths());
        PATHS.sort(null);
    }

    @FuzzTest
    void auditFailsOnlyWithLedgerExceptionsAndNeverReportsForgedEntries(FuzzedDataProvider data) {
        String replacedPath = PATHS.get(data.consumeInt(0, PATHS.size() - 1));
        boolean truncate = data.consumeBoolean();
        int flipAt = data.consumeInt(0, 10_000);
        byte[] replacement = data.consumeBoolean() ? data.consumeBytes(600) : null;
        TreeHead previous = switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> SEEN;
            case 2 -> LOG.tree().treeHead(data.consumeLong(0, 600));
            default -> new TreeHead(data.consumeLong(0, Long.MAX_VALUE), SEEN.root());
        };
        TileFetcher real = LOG.fetcher();
        TileFetcher fetcher = (TileAddress address) -> {
            if (!address.path().equals(replacedPath)) {
                return real.fetch(address);
            }
            if (replacement != null) {
                return replacement;
            }
            byte[] bytes = real.fetch(address);
            if (bytes.length == 0) {
                throw new FileNotFoundException(address.path());
            }
            if (truncate) {
                return Arrays.copyOf(bytes, flipAt % bytes.length);
            }
            bytes[flipAt % bytes.length] ^= (byte) (1 + flipAt % 255);
            return bytes;
        };
        LogVerifier verifier = new LogVerifier(TestLog.ORIGIN, TestKeys.exampleVerifiers(), fetcher, data.consumeBoolean());
        // Entries reach the visitor before the root is checked, so a forged one may be seen; it must never end
        // in a successful audit.
        boolean[] forgedSeen = {false};
        try {
            verifier.audit(CHECKPOINT, previous, (index, entry) -> forgedSeen[0] |= !Arrays.equals(entry, LOG.entry(index)));
        } catch (LedgerException e) {
            return;
        }
        if (forgedSeen[0]) {
            throw new AssertionError("an audit succeeded after reporting a forged entry");
        }
    }
}
