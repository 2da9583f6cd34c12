package dev.greenlight.cli.output;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One resource as "Label:  value" lines with the values aligned. */
public final class Details {
    private final Map<String, String> fields = new LinkedHashMap<>();

    public Details add(String label, String value) {
        fields.put(requireNonNull(label, "label is null"), Cells.clean(requireNonNull(value, "value is null")));
        return this;
    }

    public void print(PrintWriter out) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        fields.forEach((label, value) -> out.println(padded(label + ":", width) + "  " + value));
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
