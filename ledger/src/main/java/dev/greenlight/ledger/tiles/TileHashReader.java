package dev.greenlight.ledger.tiles;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.HashUnavailableException;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.merkle.HashReader;
import dev.greenlight.ledger.merkle.NodeAddress;
import dev.greenlight.ledger.merkle.Rfc6962;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link HashReader} over the tiles of a log of a fixed size, so that the CLI computes roots and proofs with the
 * same code as the server.
 *
 * <p>A stored hash at Merkle level 8·L + r is the root of 2^r consecutive hashes of tile level L; this reader
 * fetches that tile (partial if the tree size makes it so) and hashes them up. Tiles are cached, up to a bound, since
 * for a fixed tree size they never change. Hashes read this way are only as good as their source: verify what is
 * computed from them against a signed checkpoint.
 */
public final class TileHashReader implements HashReader {
    private static final int CACHED_TILES = 64;

    private final long treeSize;
    private final TileFetcher fetcher;
    private final Map<HashTileAddress, List<Hash>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<HashTileAddress, List<Hash>> eldest) {
            return size() > CACHED_TILES;
        }
    };

    /**
     * @param treeSize the size of the tree whose tiles to read, as a verified checkpoint states it
     * @param fetcher where the tiles come from
     */
    public TileHashReader(long treeSize, TileFetcher fetcher) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size is negative: " + treeSize);
        }
        this.treeSize = treeSize;
        this.fetcher = requireNonNull(fetcher, "fetcher is null");
    }

    /** Returns the tree size this reader serves. */
    public long treeSize() {
        return treeSize;
    }

    @Override
    public synchronized List<Hash> readHashes(List<NodeAddress> addresses) {
        requireNonNull(addresses, "addresses is null");
        List<Hash> result = new ArrayList<>(addresses.size());
        for (NodeAddress address : addresses) {
            result.add(read(address));
        }
        return result;
    }

    private Hash read(NodeAddress address) {
        if (address.minimumTreeSize() > treeSize) {
            throw new HashUnavailableException(
                    LedgerErrorCode.HASH_UNAVAILABLE, "a tree of size " + treeSize + " has no complete subtree at " + address);
        }
        int tileLevel = address.level() / TileLayout.TILE_HEIGHT;
        int levelsInside = address.level() % TileLayout.TILE_HEIGHT;
        long first = address.index() << levelsInside;
        HashTileAddress tile = TileLayout.hashTile(tileLevel, first / TileAddress.FULL_WIDTH, treeSize);
        List<Hash> hashes = tile(tile);
        int offset = (int) (first % TileAddress.FULL_WIDTH);
        List<Hash> level = new ArrayList<>(hashes.subList(offset, offset + (1 << levelsInside)));
        while (level.size() > 1) {
            List<Hash> above = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                above.add(Rfc6962.nodeHash(level.get(i), level.get(i + 1)));
            }
            level = above;
        }
        return level.getFirst();
    }

    private List<Hash> tile(HashTileAddress tile) {
        List<Hash> cached = cache.get(tile);
        if (cached != null) {
            return cached;
        }
        byte[] bytes;
        try {
            bytes = fetcher.fetch(tile);
        } catch (IOException e) {
            throw new HashUnavailableException(
                    LedgerErrorCode.HASH_UNAVAILABLE, "could not fetch " + tile.path() + ": " + e.getMessage(), e);
        }
        if (bytes == null) {
            throw new HashUnavailableException(LedgerErrorCode.HASH_UNAVAILABLE, "no bytes for " + tile.path());
        }
        List<Hash> hashes = HashTiles.parse(bytes, tile.width());
        cache.put(tile, hashes);
        return hashes;
    }
}
