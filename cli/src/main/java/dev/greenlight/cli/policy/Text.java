package dev.greenlight.cli.policy;

import dev.greenlight.cli.output.Cells;

/** Text from a pack for one line of output: YAML block scalars carry line breaks, and a pack may carry control characters. */
final class Text {
    private Text() {
    }

    static String oneLine(String text) {
        return Cells.clean(text.strip().replaceAll("\\s+", " "));
    }

    static String padded(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
