package dev.greenlight.ledger.tiles;

/**
 * A hash tile: 256 consecutive hashes (fewer if partial) at tile level {@code level}. Level 0 holds leaf hashes;
 * a hash at level L ≥ 1 is the root of one full tile at level L − 1, so tile level L holds the log's stored hashes
 * of Merkle level 8·L.
 *
 * @param level the tile level, 0 to 63
 * @param index the tile's index within its level
 * @param width the number of hashes, 1 to 256
 */
public record HashTileAddress(int level, long index, int width) implements TileAddress {
    /** The highest tile level a path may name. */
    public static final int MAX_LEVEL = 63;

    public HashTileAddress {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level must be in [0, 63]: " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index is negative: " + index);
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width must be in [1, 256]: " + width);
        }
    }

    @Override
    public String path() {
        return "tile/" + level + "/" + TileAddress.encodeIndex(index) + (isPartial() ? ".p/" + width : "");
    }
}
