package dev.greenlight.ledger.tiles;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.internal.StrictDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource of a tiled log: a hash tile or an entry bundle, identified by its index and width, and addressed by a
 * path relative to the log's prefix.
 */
public sealed interface TileAddress permits HashTileAddress, EntryBundleAddress {
    /** The number of hashes or entries in a full tile. */
    int FULL_WIDTH = 256;

    /** Returns the index of the tile within its level. */
    long index();

    /** Returns the number of hashes or entries, 1 to 256. */
    int width();

    /** Reports whether the tile holds fewer than 256 hashes or entries. */
    default boolean isPartial() {
        return width() < FULL_WIDTH;
    }

    /** Returns the path relative to the log prefix, for instance {@code tile/0/x001/234.p/5}. */
    String path();

    /**
     * Parses a path relative to the log prefix, {@code tile/<L>/<N>[.p/<W>]} or {@code tile/entries/<N>[.p/<W>]},
     * accepting only the canonical spelling: no leading zeros in the level or width, three-digit index groups each
     * but the last prefixed with {@code x}, no all-zero leading group, a width from 1 to 255.
     *
     * @throws LedgerFormatException if the path is not a tile path
     */
    static TileAddress parse(String path) {
        requireNonNull(path, "path is null");
        String[] segments = path.split("/", -1);
        if (segments.length < 3 || !segments[0].equals("tile")) {
            throw malformed("a tile path has the form tile/<L>/<N>[.p/<W>]: " + StrictDecimal.quote(path));
        }
        int width = FULL_WIDTH;
        int indexEnd = segments.length;
        String lastIndexSegment = segments[segments.length - 1];
        if (segments.length >= 4 && segments[segments.length - 2].endsWith(".p")) {
            width = (int) Math.min(Integer.MAX_VALUE, StrictDecimal.parse(segments[segments.length - 1], LedgerErrorCode.MALFORMED_TILE_PATH, "tile width"));
            if (width < 1 || width >= FULL_WIDTH) {
                throw malformed("a partial tile's width is between 1 and 255: " + StrictDecimal.quote(path));
            }
            indexEnd = segments.length - 1;
            String marked = segments[segments.length - 2];
            lastIndexSegment = marked.substring(0, marked.length() - 2);
        }
        List<String> groups = new ArrayList<>();
        for (int i = 2; i < indexEnd - 1; i++) {
            groups.add(segments[i]);
        }
        groups.add(lastIndexSegment);
        long index = parseIndex(groups, path);
        if (segments[1].equals("entries")) {
            return new EntryBundleAddress(index, width);
        }
        long level = StrictDecimal.parse(segments[1], LedgerErrorCode.MALFORMED_TILE_PATH, "tile level");
        if (level > HashTileAddress.MAX_LEVEL) {
            throw malformed("a tile level is at most " + HashTileAddress.MAX_LEVEL + ": " + StrictDecimal.quote(path));
        }
        return new HashTileAddress((int) level, index, width);
    }

    /** Encodes a tile index as three-digit path elements, all but the last prefixed with {@code x}. */
    static String encodeIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("tile index is negative: " + index);
        }
        String digits = Long.toString(index);
        int padding = (3 - digits.length() % 3) % 3;
        digits = "0".repeat(padding) + digits;
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 3) {
            if (i + 3 < digits.length()) {
                encoded.append('x').append(digits, i, i + 3).append('/');
            } else {
                encoded.append(digits, i, i + 3);
            }
        }
        return encoded.toString();
    }

    private static long parseIndex(List<String> groups, String path) {
        long index = 0;
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            boolean last = i == groups.size() - 1;
            if (!last) {
                if (!group.startsWith("x")) {
                    throw malformed("every tile index element but the last starts with 'x': " + StrictDecimal.quote(path));
                }
                group = group.substring(1);
            }
            if (group.length() != 3 || !group.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw malformed("a tile index element has three digits: " + StrictDecimal.quote(path));
            }
            if (i == 0 && groups.size() > 1 && group.equals("000")) {
                throw malformed("a tile index has no all-zero leading element: " + StrictDecimal.quote(path));
            }
            try {
                index = Math.addExact(Math.multiplyExact(index, 1000), Integer.parseInt(group));
            } catch (ArithmeticException e) {
                throw new LedgerFormatException(LedgerErrorCode.MALFORMED_TILE_PATH, "tile index is too large: " + StrictDecimal.quote(path), e);
            }
        }
        return index;
    }

    private static LedgerFormatException malformed(String message) {
        return new LedgerFormatException(LedgerErrorCode.MALFORMED_TILE_PATH, message);
    }
}
