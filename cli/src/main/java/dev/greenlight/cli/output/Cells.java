package dev.greenlight.cli.output;

import tools.jackson.databind.JsonNode;

/** Turns JSON values into text that is safe and short enough to print in a terminal. */
public final class Cells {
    /** Shown for absent values, so columns never look shifted. */
    public static final String ABSENT = "-";

    private Cells() {
    }

    /** The field as display text, or {@link #ABSENT}. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return ABSENT;
        }
        String text = value.isString() ? value.stringValue() : value.toString();
        return text.isEmpty() ? ABSENT : clean(text);
    }

    /** Keeps the first {@code length} characters, enough to recognise a commit or a digest. */
    public static String prefix(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /**
     * Replaces control characters: values come from the server, and an escape sequence in a
     * project name must not be able to rewrite the user's terminal.
     */
    public static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> cleaned.appendCodePoint(Character.isISOControl(codePoint) ? '?' : codePoint));
        return cleaned.toString();
    }
}
