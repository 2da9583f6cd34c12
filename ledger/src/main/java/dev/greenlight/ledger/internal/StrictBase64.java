package dev.greenlight.ledger.internal;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import java.util.Base64;

/**
 * Standard, padded base64 (RFC 4648 §4) with exactly one accepted spelling per value.
 *
 * <p>The JDK decoder tolerates missing padding and non-zero trailing bits; accepting those would let two different
 * texts carry the same bytes, so a decoded value is re-encoded and compared with its input.
 */
public final class StrictBase64 {
    private StrictBase64() {}

    /**
     * Decodes {@code text}.
     *
     * @param errorCode the code of the exception thrown for bad input
     * @param what what the text is, for the error message
     * @throws LedgerFormatException if the text is not canonical padded standard base64
     */
    public static byte[] decode(String text, LedgerErrorCode errorCode, String what) {
        requireNonNull(text, "text is null");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new LedgerFormatException(errorCode, what + " is not valid base64", e);
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new LedgerFormatException(errorCode, what + " is not canonical padded base64");
        }
        return decoded;
    }

    /** Encodes {@code bytes} as standard, padded base64. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
