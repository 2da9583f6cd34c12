package dev.greenlight.bench.evidence;

import java.util.Arrays;

/**
 * A minimal JSON writer for the generators, indented like the tools' own output ({@code indent} spaces per level, or
 * none for compact JSON). Calls chain: {@code w.object().field("a", 1).name("b").array().value("x").end().end()}.
 */
final class JsonWriter {
    private final StringBuilder out;
    private final int indent;
    /** Per open container: whether it has no member yet. */
    private boolean[] empty = new boolean[64];
    /** Per open container: the bracket that opened it. */
    private char[] kinds = new char[64];
    private int depth;
    private boolean afterName;

    JsonWriter(StringBuilder out, int indent) {
        this.out = out;
        this.indent = indent;
    }

    int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    JsonWriter object() {
        beforeValue();
        out.append('{');
        open();
        return this;
    }

    JsonWriter array() {
        beforeValue();
        out.append('[');
        open();
        return this;
    }

    JsonWriter end() {
        boolean wasEmpty = empty[depth];
        depth--;
        char opening = openingOf();
        if (!wasEmpty) {
            newline();
        }
        out.append(opening == '{' ? '}' : ']');
        return this;
    }

    JsonWriter name(String name) {
        beforeMember();
        string(name);
        out.append(indent > 0 ? ": " : ":");
        afterName = true;
        return this;
    }

    JsonWriter value(String text) {
        beforeValue();
        string(text);
        return this;
    }

    JsonWriter value(long number) {
        beforeValue();
        out.append(number);
        return this;
    }

    JsonWriter value(double number) {
        beforeValue();
        out.append(number);
        return this;
    }

    JsonWriter value(boolean bool) {
        beforeValue();
        out.append(bool);
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    JsonWriter field(String name, String text) {
        return name(name).value(text);
    }

    JsonWriter field(String name, long number) {
        return name(name).value(number);
    }

    JsonWriter field(String name, double number) {
        return name(name).value(number);
    }

    JsonWriter field(String name, boolean bool) {
        return name(name).value(bool);
    }

    /** An array of strings. */
    JsonWriter strings(String name, String... texts) {
        name(name).array();
        for (String text : texts) {
            value(text);
        }
        return end();
    }

    /** Which bracket the container just closed had: tracked by the bracket written at its start. */
    private char openingOf() {
        return kinds[depth + 1];
    }

    private void open() {
        depth++;
        if (depth >= empty.length) {
            empty = Arrays.copyOf(empty, depth * 2);
            kinds = Arrays.copyOf(kinds, depth * 2);
        }
        empty[depth] = true;
        kinds[depth] = out.charAt(out.length() - 1);
    }

    private void beforeMember() {
        if (!empty[depth]) {
            out.append(',');
        }
        empty[depth] = false;
        newline();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            beforeMember();
        }
    }

    private void newline() {
        if (indent > 0) {
            out.append('\n');
            out.repeat(' ', depth * indent);
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
