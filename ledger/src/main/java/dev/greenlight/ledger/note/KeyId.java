package dev.greenlight.ledger.note;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.internal.StrictDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 32-bit key id that, with the key name, identifies a signed-note key: the first four bytes (big-endian) of
 * SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key).
 *
 * @param value the id as a signed int holding the 32 bits
 */
public record KeyId(int value) {
    /** Computes the id of a key from its name and its type-prefixed public key. */
    public static KeyId compute(String keyName, byte[] typedPublicKey) {
        requireNonNull(keyName, "keyName is null");
        requireNonNull(typedPublicKey, "typedPublicKey is null");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(keyName.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(typedPublicKey);
            byte[] hash = digest.digest();
            return new KeyId(((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Parses exactly eight lowercase hex digits.
     *
     * @throws LedgerFormatException otherwise
     */
    public static KeyId parseHex(String hex) {
        requireNonNull(hex, "hex is null");
        if (hex.length() != 8) {
            throw new LedgerFormatException(LedgerErrorCode.MALFORMED_KEY, "a key id is 8 hex digits: " + StrictDecimal.quote(hex));
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            char c = hex.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                throw new LedgerFormatException(
                        LedgerErrorCode.MALFORMED_KEY, "a key id is 8 lowercase hex digits: " + StrictDecimal.quote(hex));
            }
            value = (value << 4) | digit;
        }
        return new KeyId((int) value);
    }

    /** Writes the id into {@code target} at {@code offset}, big-endian. */
    void writeTo(byte[] target, int offset) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }

    /** Reads a big-endian id from {@code source} at {@code offset}. */
    static KeyId readFrom(byte[] source, int offset) {
        return new KeyId(((source[offset] & 0xff) << 24)
                | ((source[offset + 1] & 0xff) << 16)
                | ((source[offset + 2] & 0xff) << 8)
                | (source[offset + 3] & 0xff));
    }

    /** Returns the eight lowercase hex digits. */
    public String hex() {
        return String.format("%08x", value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
