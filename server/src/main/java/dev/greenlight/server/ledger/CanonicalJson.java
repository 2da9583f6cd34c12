package dev.greenlight.server.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JCS) serialisation of the values ledger entries are made of: objects (maps with string keys), arrays,
 * strings, integers, booleans and null. Members are sorted by their UTF-16 code units, there is no whitespace, and
 * strings escape only what JSON requires, so one value has exactly one serialisation. Non-integral numbers are refused
 * rather than formatted: no entry needs them, and ECMAScript number formatting is where implementations disagree.
 */
public final class CanonicalJson {
    /** The largest integer that every JSON reader (IEEE 754 doubles) represents exactly. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson() {
    }

    public static byte[] serialize(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String string -> writeString(out, string);
            case Boolean bool -> out.append(bool);
            case Integer number -> out.append(number.longValue());
            case Long number -> writeInteger(out, number);
            case Map<?, ?> map -> writeObject(out, map);
            case List<?> list -> writeArray(out, list);
            default -> throw new IllegalArgumentException("not a canonical JSON value: " + value.getClass().getSimpleName());
        }
    }

    private static void writeInteger(StringBuilder out, long number) {
        if (number > MAX_SAFE_INTEGER || number < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer outside ±(2^53 - 1): write it as a string");
        }
        out.append(number);
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String string)) {
                throw new IllegalArgumentException("object keys must be strings");
            }
            keys.add(string);
        }
        // String.compareTo orders by UTF-16 code units, which is what RFC 8785 §3.2.3 prescribes.
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(out, keys.get(i));
            out.append(':');
            write(out, map.get(keys.get(i)));
        }
        out.append('}');
    }

    private static void writeArray(StringBuilder out, List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(out, list.get(i));
        }
        out.append(']');
    }

    private static void writeString(StringBuilder out, String string) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= string.length() || !Character.isLowSurrogate(string.charAt(i + 1))) {
                    throw new IllegalArgumentException("string contains an unpaired surrogate");
                }
                out.append(c).append(string.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("string contains an unpaired surrogate");
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
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
