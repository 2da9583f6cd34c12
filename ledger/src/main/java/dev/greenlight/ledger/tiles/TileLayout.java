package dev.greenlight.ledger.tiles;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Which tiles a log of a given size serves (tile height 8, 256 hashes per full tile).
 *
 * <p>At tile level L a tree of size s has floor(s / 256^L) hashes: that many full tiles of 256 and, if the count is
 * not a multiple of 256, one partial tile of the remainder. Partial tiles are never hashed into the level above,
 * and a level with no hashes has no tiles.
 */
public final class TileLayout {
    /** The number of Merkle levels a tile spans. */
    public static final int TILE_HEIGHT = 8;

    private TileLayout() {}

    /** Returns the number of hashes at tile {@code level} of a tree of {@code treeSize} entries. */
    public static long hashesAtLevel(int level, long treeSize) {
        checkSize(treeSize);
        if (level < 0) {
            throw new IllegalArgumentException("tile level is negative: " + level);
        }
        return level * TILE_HEIGHT >= Long.SIZE ? 0 : treeSize >>> (level * TILE_HEIGHT);
    }

    /**
     * Returns the hash tile with this level and index as a tree of {@code treeSize} entries serves it.
     *
     * @throws IllegalArgumentException if that tree has no such tile
     */
    public static HashTileAddress hashTile(int level, long index, long treeSize) {
        return new HashTileAddress(level, index, width(hashesAtLevel(level, treeSize), index, "hash tile " + level + "/" + index, treeSize));
    }

    /**
     * Returns the entry bundle with this index as a tree of {@code treeSize} entries serves it.
     *
     * @throws IllegalArgumentException if that tree has no such bundle
     */
    public static EntryBundleAddress entryBundle(long index, long treeSize) {
        checkSize(treeSize);
        return new EntryBundleAddress(index, width(treeSize, index, "entry bundle " + index, treeSize));
    }

    /**
     * Reports whether a log of {@code treeSize} entries can serve {@code tile}: a full tile once it is complete, a
     * partial tile of width W once its tile holds at least W hashes or entries (its content is then a prefix of the
     * tile's content, which never changes).
     */
    public static boolean isAvailable(TileAddress tile, long treeSize) {
        requireNonNull(tile, "tile is null");
        long count = switch (tile) {
            case HashTileAddress hashTile -> hashesAtLevel(hashTile.level(), treeSize);
            case EntryBundleAddress bundle -> {
                checkSize(treeSize);
                yield treeSize;
            }
        };
        if (tile.index() > (count - 1) / TileAddress.FULL_WIDTH || count == 0) {
            return false;
        }
        return count - tile.index() * TileAddress.FULL_WIDTH >= tile.width();
    }

    /**
     * Returns the hash tiles that a log growing from {@code oldSize} to {@code newSize} entries must publish: those
     * that did not exist at the old size or have grown since. From 0, every hash tile of the new size.
     */
    public static List<HashTileAddress> hashTilesBetween(long oldSize, long newSize) {
        checkOrder(oldSize, newSize);
        List<HashTileAddress> tiles = new ArrayList<>();
        for (int level = 0; hashesAtLevel(level, newSize) > 0; level++) {
            long newCount = hashesAtLevel(level, newSize);
            long oldCount = hashesAtLevel(level, oldSize);
            if (newCount == oldCount) {
                continue;
            }
            for (long index = oldCount / TileAddress.FULL_WIDTH; index <= (newCount - 1) / TileAddress.FULL_WIDTH; index++) {
                tiles.add(new HashTileAddress(level, index, width(newCount, index, "", newSize)));
            }
        }
        return tiles;
    }

    /** Returns the entry bundles that a log growing from {@code oldSize} to {@code newSize} must publish. */
    public static List<EntryBundleAddress> entryBundlesBetween(long oldSize, long newSize) {
        checkOrder(oldSize, newSize);
        List<EntryBundleAddress> bundles = new ArrayList<>();
        if (newSize == oldSize) {
            return bundles;
        }
        for (long index = oldSize / TileAddress.FULL_WIDTH; index <= (newSize - 1) / TileAddress.FULL_WIDTH; index++) {
            bundles.add(new EntryBundleAddress(index, width(newSize, index, "", newSize)));
        }
        return bundles;
    }

    private static int width(long count, long index, String what, long treeSize) {
        if (index < 0 || index > (count - 1) / TileAddress.FULL_WIDTH || count == 0) {
            throw new IllegalArgumentException("a tree of size " + treeSize + " has no " + what);
        }
        long remaining = count - index * TileAddress.FULL_WIDTH;
        return (int) Math.min(remaining, TileAddress.FULL_WIDTH);
    }

    private static void checkSize(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size is negative: " + treeSize);
        }
    }

    private static void checkOrder(long oldSize, long newSize) {
        checkSize(oldSize);
        if (newSize < oldSize) {
            throw new IllegalArgumentException("sizes out of order: " + oldSize + " -> " + newSize);
        }
    }
}
