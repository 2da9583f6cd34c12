package dev.greenlight.evidence.json;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Small text normalisations shared by the JSON parsers. */
final class Texts {
    private Texts() {
    }

    /** At most {@code max} characters, with an ellipsis when cut; facts keep messages and titles short. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    static @Nullable String shortenOrNull(@Nullable String text, int max) {
        return text == null ? null : shorten(text, max);
    }

    /** Null for null, empty or blank text. */
    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
