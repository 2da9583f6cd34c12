package dev.greenlight.ledger;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.internal.StrictBase64;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable SHA-256 value: a leaf hash, an interior node hash or a tree root.
 *
 * <p>Equality is by content. The string form is lowercase hex; {@link #base64()} gives the form used in
 * checkpoints and proof files.
 */
public final class Hash {
    /** The length of every hash in bytes. */
    public static final int SIZE = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns the hash with the given 32 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not exactly 32 bytes long
     */
    public static Hash of(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a hash is " + SIZE + " bytes, not " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /**
     * Returns the hash held in the 32 bytes of {@code source} from {@code offset} on.
     *
     * @throws IndexOutOfBoundsException if fewer than 32 bytes follow {@code offset}
     */
    public static Hash of(byte[] source, int offset) {
        requireNonNull(source, "source is null");
        Objects.checkFromIndexSize(offset, SIZE, source.length);
        return new Hash(Arrays.copyOfRange(source, offset, offset + SIZE));
    }

    /**
     * Parses 64 hex digits (either case).
     *
     * @throws LedgerFormatException if the text is not the hex form of 32 bytes
     */
    public static Hash fromHex(String hex) {
        requireNonNull(hex, "hex is null");
        if (hex.length() != 2 * SIZE) {
            throw new LedgerFormatException(LedgerErrorCode.MALFORMED_HASH, "a hex hash has 64 digits, not " + hex.length());
        }
        try {
            return new Hash(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new LedgerFormatException(LedgerErrorCode.MALFORMED_HASH, "hash is not hexadecimal", e);
        }
    }

    /**
     * Parses the standard, padded base64 of 32 bytes, rejecting any other spelling.
     *
     * @throws LedgerFormatException if the text is not the canonical base64 of 32 bytes
     */
    public static Hash fromBase64(String base64) {
        byte[] decoded = StrictBase64.decode(base64, LedgerErrorCode.MALFORMED_HASH, "hash");
        if (decoded.length != SIZE) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_HASH, "a hash is " + SIZE + " bytes, but the base64 holds " + decoded.length);
        }
        return new Hash(decoded);
    }

    /** Returns a copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 32 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, SIZE);
    }

    /** Returns the lowercase hex form. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Returns the standard, padded base64 form. */
    public String base64() {
        return StrictBase64.encode(bytes);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Hash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
