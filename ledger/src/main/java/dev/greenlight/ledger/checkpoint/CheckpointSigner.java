package dev.greenlight.ledger.checkpoint;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.InconsistentCheckpointException;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.ProofVerificationException;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.internal.NoteText;
import dev.greenlight.ledger.merkle.ConsistencyProof;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.note.SignedNote;
import java.util.List;
import java.util.Optional;

/**
 * Signs the log's checkpoints, and refuses to sign one that does not extend the last one it signed.
 *
 * <p>A log that signs two inconsistent checkpoints has forked, which no later honesty repairs; so before signing
 * tree head T, the signer reads the last signed head L from its {@link SignedCheckpointStore} and requires T to be
 * L itself, or larger with a consistency proof from L to T that verifies. Only then does it sign, record T
 * (compare and set on L) and hand the note out. During a key rotation it is given both keys and every checkpoint
 * carries both signatures.
 */
public final class CheckpointSigner {
    private final String origin;
    private final List<NoteSigner> signers;
    private final SignedCheckpointStore store;

    /**
     * @param origin the log's origin, which is also the name of each of its keys
     * @param signers the log's current keys (two during a rotation), each named after the origin
     * @param store where the last signed tree head is kept
     */
    public CheckpointSigner(String origin, List<NoteSigner> signers, SignedCheckpointStore store) {
        this.origin = requireNonNull(origin, "origin is null");
        this.signers = List.copyOf(requireNonNull(signers, "signers is null"));
        this.store = requireNonNull(store, "store is null");
        if (!NoteText.isValidKeyName(origin)) {
            throw new IllegalArgumentException("the origin is also the key name, so it must be non-empty without spaces or '+'");
        }
        if (this.signers.isEmpty()) {
            throw new IllegalArgumentException("at least one signer is needed");
        }
        for (NoteSigner signer : this.signers) {
            if (!signer.name().equals(origin)) {
                throw new IllegalArgumentException("key " + signer + " is not named after the origin " + origin);
            }
        }
    }

    /**
     * Signs the checkpoint of {@code treeHead} and records it as the last signed.
     *
     * @param prover gives the consistency proof from the last signed size to {@code treeHead.size()}
     * @return the signed note bytes, to publish as the log's checkpoint
     * @throws InconsistentCheckpointException if the tree head does not extend the last signed one
     * @throws IllegalStateException if another signer recorded a different checkpoint meanwhile
     */
    public byte[] sign(TreeHead treeHead, ConsistencyProver prover) {
        requireNonNull(treeHead, "treeHead is null");
        requireNonNull(prover, "prover is null");
        Optional<TreeHead> last = store.lastSigned();
        last.ifPresent(previous -> checkExtends(previous, treeHead, prover));
        byte[] note = SignedNote.sign(Checkpoint.of(origin, treeHead).toText(), signers).toBytes();
        if (!store.replaceLastSigned(last.orElse(null), treeHead, note)) {
            throw new IllegalStateException("the last signed checkpoint changed while signing; retry");
        }
        return note;
    }

    /** Returns the log's origin. */
    public String origin() {
        return origin;
    }

    private static void checkExtends(TreeHead previous, TreeHead next, ConsistencyProver prover) {
        if (next.size() < previous.size()) {
            throw new InconsistentCheckpointException(
                    LedgerErrorCode.INCONSISTENT_CHECKPOINT,
                    "refusing to sign size " + next.size() + " after having signed the larger size " + previous.size());
        }
        if (next.size() == previous.size()) {
            if (!next.root().equals(previous.root())) {
                throw new InconsistentCheckpointException(
                        LedgerErrorCode.INCONSISTENT_CHECKPOINT,
                        "refusing to sign root " + next.root() + " for size " + next.size()
                                + ", already signed with root " + previous.root());
            }
            return;
        }
        ConsistencyProof proof = prover.consistencyProof(previous.size(), next.size());
        if (proof.oldSize() != previous.size() || proof.newSize() != next.size()) {
            throw new InconsistentCheckpointException(
                    LedgerErrorCode.INCONSISTENT_CHECKPOINT,
                    "the prover answered for sizes " + proof.oldSize() + " -> " + proof.newSize()
                            + " instead of " + previous.size() + " -> " + next.size());
        }
        try {
            proof.verify(previous.root(), next.root());
        } catch (ProofVerificationException e) {
            throw new InconsistentCheckpointException(
                    LedgerErrorCode.INCONSISTENT_CHECKPOINT,
                    "refusing to sign size " + next.size() + ": it does not extend the last signed size "
                            + previous.size() + " (" + e.getMessage() + ")",
                    e);
        }
    }
}
