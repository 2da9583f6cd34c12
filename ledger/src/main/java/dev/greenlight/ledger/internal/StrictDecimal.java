package dev.greenlight.ledger.internal;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;

/** Non-negative ASCII decimal numbers without sign, spaces or leading zeros (other than "0" itself). */
public final class StrictDecimal {
    private StrictDecimal() {}

    /**
     * Parses {@code text} as a non-negative {@code long}.
     *
     * @throws LedgerFormatException if the text is empty, has a non-digit, a leading zero or overflows
     */
    public static long parse(String text, LedgerErrorCode errorCode, String what) {
        requireNonNull(text, "text is null");
        if (text.isEmpty()) {
            throw new LedgerFormatException(errorCode, what + " is empty");
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw new LedgerFormatException(errorCode, what + " has a leading zero: " + quote(text));
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new LedgerFormatException(errorCode, what + " is not a decimal number: " + quote(text));
            }
            try {
                value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
            } catch (ArithmeticException e) {
                throw new LedgerFormatException(errorCode, what + " is too large: " + quote(text), e);
            }
        }
        return value;
    }

    /** Quotes untrusted text for an error message, cutting it short. */
    public static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        StringBuilder quoted = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                quoted.append(String.format("\\x%02x", cp));
            } else {
                quoted.appendCodePoint(cp);
            }
        });
        return quoted.append('"').toString();
    }
}
