package dev.greenlight.evidence.xml;

import org.jspecify.annotations.Nullable;

/** Shortens the free text the facts carry (failure messages, vulnerability descriptions) to a readable size. */
final class ShortText {
    private ShortText() {
    }

    /** The text stripped, cut to at most {@code max} characters with "…" when cut; null when blank. */
    static @Nullable String of(@Nullable String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = max - 1;
        // Never split a surrogate pair: half a character is not text.
        if (end > 0 && Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end) + "…";
    }

    /** A value from the file for an error message: quoted and shortened, or "nothing" when absent. */
    static String quoted(@Nullable String value) {
        if (value == null) {
            return "nothing";
        }
        String shortened = of(value, 40);
        return "'" + (shortened == null ? "" : shortened) + "'";
    }
}
