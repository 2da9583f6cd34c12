package dev.greenlight.evidence.text;

import java.nio.charset.StandardCharsets;

/** Whether the start of a file reads like an LCOV tracefile, judged by its record keys alone. */
final class LcovHead {
    private LcovHead() {
    }

    /** The first non-blank line is a TN, SF or VER line, and an SF line follows somewhere in the head. */
    static boolean looksLikeLcov(byte[] head) {
        for (byte octet : head) {
            if (octet == 0) {
                return false;
            }
        }
        // ISO-8859-1 maps every byte to one character: keys are ASCII whatever the paths' encoding.
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean first = true;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (first && !(stripped.startsWith("TN:") || stripped.startsWith("SF:") || stripped.startsWith("VER:"))) {
                return false;
            }
            first = false;
            if (stripped.startsWith("SF:")) {
                return true;
            }
        }
        return false;
    }
}
