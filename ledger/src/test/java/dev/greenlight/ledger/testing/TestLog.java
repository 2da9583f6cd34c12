package dev.greenlight.ledger.testing;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.CheckpointSigner;
import dev.greenlight.ledger.checkpoint.InMemorySignedCheckpointStore;
import dev.greenlight.ledger.merkle.AppendResult;
import dev.greenlight.ledger.merkle.InMemoryHashStore;
import dev.greenlight.ledger.merkle.MerkleTree;
import dev.greenlight.ledger.merkle.TreeAppender;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.tiles.EntryBundleAddress;
import dev.greenlight.ledger.tiles.EntryBundles;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tiles.HashTiles;
import dev.greenlight.ledger.tiles.TileAddress;
import dev.greenlight.ledger.tiles.TileFetcher;
import dev.greenlight.ledger.tiles.TileLayout;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete log in memory, as the server runs one: entries, stored hashes, a checkpoint signer and the tiles and
 * bundles it publishes after every append, served by path through {@link #fetcher()}.
 */
public final class TestLog {
    public static final String ORIGIN = "example.com/log";

    private final InMemoryHashStore store = new InMemoryHashStore();
    private final List<byte[]> entries = new ArrayList<>();
    private final Map<String, byte[]> published = new HashMap<>();
    private final CheckpointSigner signer;

    public TestLog(NoteSigner... keys) {
        this.signer = new CheckpointSigner(ORIGIN, List.of(keys), new InMemorySignedCheckpointStore());
    }

    /** Returns a log signed with the worked-example key of LEDGER.md. */
    public static TestLog withExampleKey() {
        return new TestLog(TestKeys.exampleSigner());
    }

    /** Returns the entry bytes {@code "entry <i>"} for i in [from, to). */
    public static List<byte[]> numberedEntries(long from, long to) {
        List<byte[]> result = new ArrayList<>();
        for (long i = from; i < to; i++) {
            result.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return result;
    }

    /** Appends entries, stores their hashes and publishes the tiles and bundles that changed. */
    public AppendResult append(List<byte[]> batch) {
        requireNonNull(batch, "batch is null");
        long oldSize = size();
        AppendResult result = TreeAppender.appendEntries(oldSize, batch, store);
        store.write(result.hashesToStore());
        entries.addAll(batch);
        for (HashTileAddress tile : TileLayout.hashTilesBetween(oldSize, result.newSize())) {
            published.put(tile.path(), HashTiles.build(tile, store));
        }
        for (EntryBundleAddress bundle : TileLayout.entryBundlesBetween(oldSize, result.newSize())) {
            int first = (int) bundle.firstEntry();
            published.put(bundle.path(), EntryBundles.write(entries.subList(first, first + bundle.width())));
        }
        return result;
    }

    /** Appends entries {@code "entry <size>"} up to {@code newSize}. */
    public void growTo(long newSize) {
        append(numberedEntries(size(), newSize));
    }

    /** Signs and returns the checkpoint of the current tree. */
    public byte[] signCheckpoint() {
        return signer.sign(treeHead(), tree()::consistencyProof);
    }

    public long size() {
        return store.size();
    }

    public TreeHead treeHead() {
        return tree().treeHead(size());
    }

    public MerkleTree tree() {
        return new MerkleTree(store);
    }

    public InMemoryHashStore store() {
        return store;
    }

    public byte[] entry(long index) {
        return entries.get((int) index).clone();
    }

    /** Replaces a published resource, as a misbehaving log would. */
    public void tamper(TileAddress address, byte[] bytes) {
        published.put(address.path(), bytes.clone());
    }

    public TileFetcher fetcher() {
        return address -> {
            byte[] bytes = published.get(address.path());
            if (bytes == null) {
                throw new FileNotFoundException(address.path());
            }
            return bytes.clone();
        };
    }

    /** Returns the paths published so far. */
    public java.util.Set<String> publishedPaths() {
        return java.util.Set.copyOf(published.keySet());
    }
}
