package dev.greenlight.ledger.tiles;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.merkle.TreeAppender;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bytes of entry bundles: each entry as a big-endian 16-bit length followed by the entry. */
public final class EntryBundles {
    private EntryBundles() {}

    /**
     * Writes a bundle of 1 to 256 entries.
     *
     * @throws IllegalArgumentException if there are no entries, more than 256, or one is longer than 65,535 bytes
     */
    public static byte[] write(List<byte[]> entries) {
        requireNonNull(entries, "entries is null");
        if (entries.isEmpty() || entries.size() > TileAddress.FULL_WIDTH) {
            throw new IllegalArgumentException("a bundle holds 1 to 256 entries, not " + entries.size());
        }
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            requireNonNull(entry, "entry is null");
            if (entry.length > TreeAppender.MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("an entry is at most 65,535 bytes, not " + entry.length);
            }
            bundle.write(entry.length >>> 8);
            bundle.write(entry.length);
            bundle.writeBytes(entry);
        }
        return bundle.toByteArray();
    }

    /**
     * Parses a bundle that must hold exactly {@code width} entries and nothing after them.
     *
     * @throws LedgerFormatException if it does not
     */
    public static List<byte[]> parse(byte[] bundle, int width) {
        if (width < 1 || width > TileAddress.FULL_WIDTH) {
            throw new IllegalArgumentException("bundle width must be in [1, 256]: " + width);
        }
        List<byte[]> entries = parse(bundle);
        if (entries.size() != width) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_ENTRY_BUNDLE,
                    "expected a bundle of " + width + " entries, got " + entries.size());
        }
        return entries;
    }

    /**
     * Parses a bundle of 1 to 256 entries with nothing after the last.
     *
     * @throws LedgerFormatException if the bytes are not such a bundle
     */
    public static List<byte[]> parse(byte[] bundle) {
        requireNonNull(bundle, "bundle is null");
        List<byte[]> entries = new ArrayList<>();
        int position = 0;
        while (position < bundle.length) {
            if (entries.size() == TileAddress.FULL_WIDTH) {
                throw malformed("bundle holds more than 256 entries");
            }
            if (bundle.length - position < 2) {
                throw malformed("bundle ends inside the length of entry " + entries.size());
            }
            int length = ((bundle[position] & 0xff) << 8) | (bundle[position + 1] & 0xff);
            position += 2;
            if (bundle.length - position < length) {
                throw malformed("entry " + entries.size() + " claims " + length + " bytes, but only " + (bundle.length - position) + " remain");
            }
            entries.add(Arrays.copyOfRange(bundle, position, position + length));
            position += length;
        }
        if (entries.isEmpty()) {
            throw malformed("bundle is empty");
        }
        return entries;
    }

    private static LedgerFormatException malformed(String message) {
        return new LedgerFormatException(LedgerErrorCode.MALFORMED_ENTRY_BUNDLE, message);
    }
}
