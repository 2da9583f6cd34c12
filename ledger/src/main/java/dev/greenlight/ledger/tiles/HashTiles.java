package dev.greenlight.ledger.tiles;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.merkle.HashReader;
import dev.greenlight.ledger.merkle.NodeAddress;
import java.util.ArrayList;
import java.util.List;

/** The bytes of hash tiles: the tile's hashes concatenated, 32 bytes each. */
public final class HashTiles {
    private HashTiles() {}

    /**
     * Builds a tile's bytes from a log's stored hashes: tile level L holds the hashes of Merkle level 8·L.
     *
     * @throws IllegalArgumentException if the tile level is above 7, where no tree has hashes
     */
    public static byte[] build(HashTileAddress tile, HashReader store) {
        requireNonNull(tile, "tile is null");
        requireNonNull(store, "store is null");
        int merkleLevel = tile.level() * TileLayout.TILE_HEIGHT;
        if (merkleLevel > NodeAddress.MAX_LEVEL) {
            throw new IllegalArgumentException("no tree has hashes at tile level " + tile.level());
        }
        List<NodeAddress> addresses = new ArrayList<>(tile.width());
        long first = tile.index() * TileAddress.FULL_WIDTH;
        for (int i = 0; i < tile.width(); i++) {
            addresses.add(new NodeAddress(merkleLevel, first + i));
        }
        return concat(store.readHashes(addresses));
    }

    /** Concatenates hashes into tile bytes. */
    public static byte[] concat(List<Hash> hashes) {
        requireNonNull(hashes, "hashes is null");
        byte[] bytes = new byte[hashes.size() * Hash.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            hashes.get(i).copyTo(bytes, i * Hash.SIZE);
        }
        return bytes;
    }

    /**
     * Splits tile bytes into hashes, requiring exactly {@code width} of them.
     *
     * @throws LedgerFormatException if the length is not {@code 32·width}
     */
    public static List<Hash> parse(byte[] tile, int width) {
        requireNonNull(tile, "tile is null");
        if (width < 1 || width > TileAddress.FULL_WIDTH) {
            throw new IllegalArgumentException("tile width must be in [1, 256]: " + width);
        }
        if (tile.length != width * Hash.SIZE) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_TILE,
                    "a tile of width " + width + " is " + width * Hash.SIZE + " bytes, not " + tile.length);
        }
        List<Hash> hashes = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            hashes.add(Hash.of(tile, i * Hash.SIZE));
        }
        return hashes;
    }
}
