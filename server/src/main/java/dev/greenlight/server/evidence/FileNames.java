package dev.greenlight.server.evidence;

import org.jspecify.annotations.Nullable;

/** File names as clients give them: only the last path segment is kept, without control characters, at most 255 long. */
final class FileNames {
    private static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static @Nullable String clean(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = printable(last).strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return null;
        }
        return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) : cleaned;
    }

    /** Without control characters, so that a value can be quoted back in a message. */
    static String printable(String text) {
        String printable = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > MAX_LENGTH ? printable.substring(0, MAX_LENGTH) : printable;
    }
}
