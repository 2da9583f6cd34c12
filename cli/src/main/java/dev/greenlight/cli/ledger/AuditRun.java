package dev.greenlight.cli.ledger;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.HashUnavailableException;
import dev.greenlight.ledger.InconsistentCheckpointException;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.ProofVerificationException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.audit.AuditResult;
import dev.greenlight.ledger.audit.LogVerifier;
import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.tiles.TileFetcher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One audit of a log, from its downloaded checkpoint: signature, every entry's hash against the hash
 * tiles, the root, and consistency with the tree head audited before. Failures of the log come back
 * as an {@link Outcome} with the failed check; failures to read it are thrown (exit code 2).
 */
final class AuditRun {
    private AuditRun() {
    }

    /**
     * @param checkpointNote the signed checkpoint as the server sent it
     * @param expectedOrigin the origin the checkpoint must have
     * @param previous the tree head this machine audited last time, or null
     * @param full re-read every entry even with a previous tree head
     */
    static Outcome run(byte[] checkpointNote, String expectedOrigin, NoteVerifiers trusted, TileFetcher fetcher,
            @Nullable TreeHead previous, boolean full) {
        requireNonNull(checkpointNote, "checkpointNote is null");
        LogVerifier verifier = new LogVerifier(expectedOrigin, trusted, fetcher, true);
        SignedCheckpoint signed;
        try {
            signed = verifier.verifyCheckpoint(checkpointNote);
        } catch (LedgerFormatException e) {
            return Outcome.failed(null, new Failure(AuditCheck.CHECKPOINT, e));
        } catch (SignatureVerificationException e) {
            return Outcome.failed(null, new Failure(e.errorCode() == LedgerErrorCode.ORIGIN_MISMATCH ? AuditCheck.ORIGIN : AuditCheck.SIGNATURE, e));
        }
        long size = signed.checkpoint().size();
        boolean fromStart = full || previous == null;
        long start = fromStart || previous.size() > size ? 0 : previous.size();
        AtomicLong visited = new AtomicLong();
        try {
            AuditResult result = verifier.audit(checkpointNote, fromStart ? null : previous, (index, entry) -> visited.incrementAndGet());
            if (fromStart && previous != null) {
                // Every entry was re-read; a consistency proof from the tiles, checked against both roots, ties the trees.
                verifier.verifyConsistency(previous, result.checkpoint());
            }
            return new Outcome(result.checkpoint(), result.firstEntryChecked(), result.entriesChecked(), null);
        } catch (InconsistentCheckpointException e) {
            return Outcome.failed(signed, new Failure(AuditCheck.CONSISTENCY, e));
        } catch (ProofVerificationException e) {
            // The root is compared after the last entry was handed over; a hash tile disagrees before its entry is.
            boolean allEntriesRead = visited.get() == size - start;
            AuditCheck check = e.errorCode() == LedgerErrorCode.ROOT_MISMATCH && !allEntriesRead ? AuditCheck.HASH_TILE : AuditCheck.ROOT;
            return Outcome.failed(signed, new Failure(check, e));
        } catch (LedgerFormatException e) {
            AuditCheck check = switch (e.errorCode()) {
                case MALFORMED_ENTRY_BUNDLE -> AuditCheck.ENTRY_BUNDLE;
                case MALFORMED_TILE -> AuditCheck.HASH_TILE;
                default -> AuditCheck.CHECKPOINT;
            };
            return Outcome.failed(signed, new Failure(check, e));
        } catch (SignatureVerificationException e) {
            return Outcome.failed(signed, new Failure(AuditCheck.SIGNATURE, e));
        } catch (HashUnavailableException e) {
            throw new LedgerCliException("Could not read the log: " + e.getMessage() + ".", e, List.of());
        }
    }

    /** The origin a checkpoint claims, its first line, before anything about it is verified. */
    static String claimedOrigin(byte[] checkpointNote) {
        String text = new String(checkpointNote, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** A check that failed, and the library's reason. */
    record Failure(AuditCheck check, LedgerErrorCode errorCode, String message) {
        Failure(AuditCheck check, LedgerException exception) {
            this(check, exception.errorCode(), exception.getMessage());
        }
    }

    /**
     * @param checkpoint the verified checkpoint; null if it did not verify
     * @param firstEntryChecked the first entry read
     * @param entriesChecked how many entries were read and hashed (0 on failure: none is proven)
     * @param failure null when everything verified
     */
    record Outcome(@Nullable SignedCheckpoint checkpoint, long firstEntryChecked, long entriesChecked, @Nullable Failure failure) {
        static Outcome failed(@Nullable SignedCheckpoint checkpoint, Failure failure) {
            return new Outcome(checkpoint, 0, 0, failure);
        }

        boolean passed() {
            return failure == null;
        }
    }
}
