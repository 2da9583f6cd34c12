package dev.greenlight.ledger.internal;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text rules shared by signed notes and the texts inside them: valid UTF-8, no control characters but newline. */
public final class NoteText {
    private NoteText() {}

    /**
     * Decodes strict UTF-8 and rejects ASCII control characters other than newline.
     *
     * @throws LedgerFormatException if the bytes break either rule
     */
    public static String decode(byte[] bytes, LedgerErrorCode errorCode, String what) {
        requireNonNull(bytes, "bytes is null");
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LedgerFormatException(errorCode, what + " is not valid UTF-8", e);
        }
        checkNoControlCharacters(text, errorCode, what);
        return text;
    }

    /** Rejects ASCII control characters other than newline. */
    public static void checkNoControlCharacters(String text, LedgerErrorCode errorCode, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new LedgerFormatException(
                        errorCode, String.format("%s contains the control character \\x%02x at offset %d", what, (int) c, i));
            }
        }
    }

    /**
     * Reports whether {@code name} may be a signed-note key name: non-empty, no Unicode space and no plus sign.
     * "Unicode space" follows the Go definition the format comes from: the Z categories plus tab, newline,
     * vertical tab, form feed, carriage return and NEL.
     */
    public static boolean isValidKeyName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> cp == '+' || isUnicodeSpace(cp) || cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff));
    }

    private static boolean isUnicodeSpace(int codePoint) {
        return Character.isSpaceChar(codePoint)
                || codePoint == '\t'
                || codePoint == '\n'
                || codePoint == 0x0b
                || codePoint == '\f'
                || codePoint == '\r'
                || codePoint == 0x85;
    }
}
