package dev.greenlight.ledger.tiles;

/**
 * An entry bundle: the entries whose leaf hashes make up the level-0 hash tile with the same index and width.
 *
 * @param index the bundle's index: it holds entries {@code 256·index} onwards
 * @param width the number of entries, 1 to 256
 */
public record EntryBundleAddress(long index, int width) implements TileAddress {
    public EntryBundleAddress {
        if (index < 0) {
            throw new IllegalArgumentException("bundle index is negative: " + index);
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("bundle width must be in [1, 256]: " + width);
        }
    }

    /** Returns the index of the bundle's first entry. */
    public long firstEntry() {
        return index * FULL_WIDTH;
    }

    @Override
    public String path() {
        return "tile/entries/" + TileAddress.encodeIndex(index) + (isPartial() ? ".p/" + width : "");
    }
}
