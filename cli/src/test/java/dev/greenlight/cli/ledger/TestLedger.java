package dev.greenlight.cli.ledger;

import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.Checkpoint;
import dev.greenlight.ledger.checkpoint.CheckpointSigner;
import dev.greenlight.ledger.checkpoint.InMemorySignedCheckpointStore;
import dev.greenlight.ledger.merkle.AppendResult;
import dev.greenlight.ledger.merkle.InMemoryHashStore;
import dev.greenlight.ledger.merkle.MerkleTree;
import dev.greenlight.ledger.merkle.TreeAppender;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.note.SignedNote;
import dev.greenlight.ledger.tiles.EntryBundleAddress;
import dev.greenlight.ledger.tiles.EntryBundles;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tiles.HashTiles;
import dev.greenlight.ledger.tiles.TileAddress;
import dev.greenlight.ledger.tiles.TileLayout;
import dev.greenlight.ledger.tlogproof.TlogProof;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workspace log in memory, built with the ledger library the way the server builds one: entries,
 * stored hashes, a checkpoint signer that refuses forks, and tiles served for any size it has reached.
 */
final class TestLedger {
    static final String ORIGIN = "greenlight.test/ledger/acme";

    private final InMemoryHashStore store = new InMemoryHashStore();
    private final List<byte[]> entries = new ArrayList<>();
    private final CheckpointSigner signer;
    private final String entryPrefix;

    /** A log whose entries are {@code {"v":1,"n":<i>}}, signed by {@code keys}. */
    TestLedger(NoteSigner... keys) {
        this("", keys);
    }

    /** A log whose entries carry {@code prefix}, so two logs of the same size differ. */
    TestLedger(String entryPrefix, NoteSigner... keys) {
        this.entryPrefix = entryPrefix;
        this.signer = new CheckpointSigner(ORIGIN, List.of(keys), new InMemorySignedCheckpointStore());
    }

    /** A fixed Ed25519 key named after the origin: seed bytes {@code first, first+1, ..., first+31}. */
    static NoteSigner key(int first) {
        return key(ORIGIN, first);
    }

    static NoteSigner key(String name, int first) {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (first + i);
        }
        return NoteSigner.ofEd25519Seed(name, seed);
    }

    TestLedger growTo(int size) {
        List<byte[]> batch = new ArrayList<>();
        for (int i = entries.size(); i < size; i++) {
            batch.add(("{\"v\":1,\"n\":" + i + entryPrefix + "}").getBytes(StandardCharsets.UTF_8));
        }
        AppendResult result = TreeAppender.appendEntries(entries.size(), batch, store);
        store.write(result.hashesToStore());
        entries.addAll(batch);
        return this;
    }

    byte[] sign() {
        MerkleTree tree = new MerkleTree(store);
        return signer.sign(treeHead(), tree::consistencyProof);
    }

    /** The current tree's checkpoint signed by exactly {@code keys}, bypassing the log's own signer. */
    byte[] signWith(NoteSigner... keys) {
        return SignedNote.sign(Checkpoint.of(ORIGIN, treeHead()).toText(), List.of(keys)).toBytes();
    }

    TreeHead treeHead() {
        return new MerkleTree(store).treeHead(entries.size());
    }

    int size() {
        return entries.size();
    }

    byte[] entry(int index) {
        return entries.get(index).clone();
    }

    /** The proof file for entry {@code index} in the tree of {@code signedCheckpoint}. */
    byte[] proof(int index, byte[] signedCheckpoint, long treeSize) {
        return TlogProof.of(new MerkleTree(store).inclusionProof(index, treeSize), signedCheckpoint).toBytes();
    }

    /** A tile or bundle as the server serves it: any width the log has reached, else nothing. */
    Optional<byte[]> tile(TileAddress address) {
        if (!TileLayout.isAvailable(address, entries.size())) {
            return Optional.empty();
        }
        return Optional.of(switch (address) {
            case HashTileAddress hashTile -> HashTiles.build(hashTile, store);
            case EntryBundleAddress bundle -> {
                int first = (int) bundle.firstEntry();
                yield EntryBundles.write(entries.subList(first, first + bundle.width()));
            }
        });
    }
}
