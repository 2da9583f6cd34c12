package dev.greenlight.ledger.audit;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.HashUnavailableException;
import dev.greenlight.ledger.InconsistentCheckpointException;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.ProofVerificationException;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.Checkpoint;
import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.merkle.CompactRange;
import dev.greenlight.ledger.merkle.ConsistencyProof;
import dev.greenlight.ledger.merkle.InclusionProof;
import dev.greenlight.ledger.merkle.MerkleTree;
import dev.greenlight.ledger.merkle.NodeAddress;
import dev.greenlight.ledger.merkle.Rfc6962;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.tiles.EntryBundleAddress;
import dev.greenlight.ledger.tiles.EntryBundles;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tiles.HashTiles;
import dev.greenlight.ledger.tiles.TileAddress;
import dev.greenlight.ledger.tiles.TileFetcher;
import dev.greenlight.ledger.tiles.TileHashReader;
import dev.greenlight.ledger.tiles.TileLayout;
import dev.greenlight.ledger.tlogproof.TlogProof;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a tiled log from the outside, trusting nothing but its public keys: the CLI's {@code verify} and a
 * monitor's loop are built on it.
 *
 * <p>An audit verifies the checkpoint's signature, then streams the entry bundles from the last tree head the
 * caller saw (or from the start), recomputes every entry's leaf hash and, in O(log n) memory, the root, which must
 * equal the signed one. Continuing from a previous tree head, it first rebuilds that tree's right edge from the
 * tiles and requires it to produce the previous root, so a log that rewrote history cannot pass.
 */
public final class LogVerifier {
    private final String origin;
    private final NoteVerifiers trustedKeys;
    private final TileFetcher fetcher;
    private final boolean checkHashTiles;

    /**
     * @param origin the log's origin
     * @param trustedKeys the log's public keys (current and retired)
     * @param fetcher where the log's checkpoint tiles and bundles come from
     * @param checkHashTiles whether an audit also compares each entry's hash with the level-0 hash tile the log
     *     serves, catching a log whose tiles disagree with its entries (one more download per bundle)
     */
    public LogVerifier(String origin, NoteVerifiers trustedKeys, TileFetcher fetcher, boolean checkHashTiles) {
        this.origin = requireNonNull(origin, "origin is null");
        this.trustedKeys = requireNonNull(trustedKeys, "trustedKeys is null");
        this.fetcher = requireNonNull(fetcher, "fetcher is null");
        this.checkHashTiles = checkHashTiles;
    }

    /**
     * Parses and verifies a signed checkpoint of this log.
     *
     * @throws dev.greenlight.ledger.LedgerFormatException if it is malformed
     * @throws dev.greenlight.ledger.SignatureVerificationException if it is not this log's or not validly signed
     */
    public SignedCheckpoint verifyCheckpoint(byte[] signedCheckpoint) {
        return SignedCheckpoint.open(signedCheckpoint, trustedKeys, origin);
    }

    /**
     * Audits the log up to {@code signedCheckpoint}, handing each entry read to {@code visitor} (before the root is
     * checked: the entries are proven only if this method returns).
     *
     * @param previouslySeen the tree head this client verified before, or null to audit from the first entry
     * @throws dev.greenlight.ledger.LedgerException if the checkpoint, the tiles or the entries fail any check;
     *     {@link InconsistentCheckpointException} if the log does not extend {@code previouslySeen}
     */
    public AuditResult audit(byte[] signedCheckpoint, @Nullable TreeHead previouslySeen, EntryVisitor visitor) {
        requireNonNull(visitor, "visitor is null");
        SignedCheckpoint signed = verifyCheckpoint(signedCheckpoint);
        Checkpoint checkpoint = signed.checkpoint();
        long size = checkpoint.size();
        CompactRange range = previouslySeen == null ? CompactRange.empty() : rightEdgeOf(previouslySeen, checkpoint);
        long start = range.size();
        if (start < size) {
            for (long bundle = start / TileAddress.FULL_WIDTH; bundle <= (size - 1) / TileAddress.FULL_WIDTH; bundle++) {
                checkBundle(TileLayout.entryBundle(bundle, size), start, size, range, visitor);
            }
        }
        Hash root = range.root();
        if (!root.equals(checkpoint.root())) {
            throw new ProofVerificationException(
                    LedgerErrorCode.ROOT_MISMATCH,
                    "the log's entries hash to root " + root + " at size " + size + ", but its checkpoint signs " + checkpoint.root());
        }
        return new AuditResult(signed, start, size - start);
    }

    /**
     * Verifies, with a consistency proof computed from the log's tiles, that the tree of {@code current} extends
     * {@code previous}, without reading any entry.
     *
     * @throws InconsistentCheckpointException if it does not
     */
    public void verifyConsistency(TreeHead previous, SignedCheckpoint current) {
        requireNonNull(previous, "previous is null");
        requireNonNull(current, "current is null");
        TreeHead head = current.checkpoint().treeHead();
        if (previous.size() > head.size()) {
            throw shrank(previous, head);
        }
        try {
            ConsistencyProof proof = new MerkleTree(new TileHashReader(head.size(), fetcher)).consistencyProof(previous.size(), head.size());
            proof.verify(previous.root(), head.root());
        } catch (ProofVerificationException e) {
            throw new InconsistentCheckpointException(
                    LedgerErrorCode.INCONSISTENT_CHECKPOINT,
                    "the log at size " + head.size() + " does not extend the tree seen at size " + previous.size() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Builds, from the log's tiles, the proof file for entry {@code index} in the tree of {@code checkpoint}, and
     * checks it leads to the signed root.
     *
     * @throws ProofVerificationException if the tiles do not lead to the signed root
     */
    public TlogProof proveInclusion(long index, SignedCheckpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint is null");
        long size = checkpoint.checkpoint().size();
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
        }
        MerkleTree tree = new MerkleTree(new TileHashReader(size, fetcher));
        InclusionProof proof = tree.inclusionProof(index, size);
        proof.verify(tree.leafHash(index), checkpoint.checkpoint().root());
        return TlogProof.of(proof, checkpoint.noteBytes());
    }

    private CompactRange rightEdgeOf(TreeHead previous, Checkpoint checkpoint) {
        TreeHead head = checkpoint.treeHead();
        if (previous.size() > head.size()) {
            throw shrank(previous, head);
        }
        List<NodeAddress> edge = CompactRange.addressesFor(previous.size());
        List<Hash> hashes = edge.isEmpty() ? List.of() : new TileHashReader(head.size(), fetcher).readHashes(edge);
        CompactRange range = CompactRange.of(previous.size(), hashes);
        if (!range.root().equals(previous.root())) {
            throw new InconsistentCheckpointException(
                    LedgerErrorCode.INCONSISTENT_CHECKPOINT,
                    "the log's tiles at size " + head.size() + " give root " + range.root() + " for size " + previous.size()
                            + ", but " + previous.root() + " was seen before: the log rewrote history or serves bad tiles");
        }
        return range;
    }

    private void checkBundle(EntryBundleAddress address, long start, long size, CompactRange range, EntryVisitor visitor) {
        List<byte[]> entries = EntryBundles.parse(fetch(address), address.width());
        @Nullable List<Hash> tileHashes = null;
        if (checkHashTiles) {
            HashTileAddress tile = TileLayout.hashTile(0, address.index(), size);
            tileHashes = HashTiles.parse(fetch(tile), tile.width());
        }
        for (int i = 0; i < entries.size(); i++) {
            long index = address.firstEntry() + i;
            if (index < start) {
                continue;
            }
            byte[] entry = entries.get(i);
            Hash leafHash = Rfc6962.leafHash(entry);
            if (tileHashes != null && !tileHashes.get(i).equals(leafHash)) {
                throw new ProofVerificationException(
                        LedgerErrorCode.ROOT_MISMATCH,
                        "entry " + index + " hashes to " + leafHash + ", but the log's hash tile says " + tileHashes.get(i));
            }
            visitor.visit(index, entry);
            range.append(leafHash);
        }
    }

    private byte[] fetch(TileAddress address) {
        try {
            byte[] bytes = fetcher.fetch(address);
            if (bytes == null) {
                throw new HashUnavailableException(LedgerErrorCode.HASH_UNAVAILABLE, "no bytes for " + address.path());
            }
            return bytes;
        } catch (IOException e) {
            throw new HashUnavailableException(
                    LedgerErrorCode.HASH_UNAVAILABLE, "could not fetch " + address.path() + ": " + e.getMessage(), e);
        }
    }

    private static InconsistentCheckpointException shrank(TreeHead previous, TreeHead current) {
        return new InconsistentCheckpointException(
                LedgerErrorCode.INCONSISTENT_CHECKPOINT,
                "the log shrank from size " + previous.size() + " to " + current.size());
    }
}
