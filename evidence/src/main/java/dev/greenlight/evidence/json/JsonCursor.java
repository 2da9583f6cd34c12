package dev.greenlight.evidence.json;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;

/**
 * A streaming walk over a JSON document for parsers written as recursive descent: they read the keys they know and
 * the cursor skips the rest without keeping them. Reading a value "consumes" it: afterwards the current token is the
 * value's last token (the scalar itself, or the closing bracket of a container).
 *
 * <p>A JSON {@code null} reads as an absent value. A known key that appears twice in one object is a format error (a
 * file that says two things must not be read as either).
 */
final class JsonCursor {
    private static final int MAX_TRACKED_KEYS = 64;

    private final JsonParser parser;
    private final EvidenceType format;
    private final ParseLimits limits;
    private final String locationPrefix;

    JsonCursor(JsonParser parser, EvidenceType format, ParseLimits limits, String locationPrefix) {
        this.parser = requireNonNull(parser, "parser is null");
        this.format = requireNonNull(format, "format is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.locationPrefix = requireNonNull(locationPrefix, "locationPrefix is null");
    }

    /** Reads one object property: returns whether the key is one the parser reads (it then consumed the value). */
    @FunctionalInterface
    interface PropertyReader {
        boolean read(String key);
    }

    /** Reads one array element, which it must consume. */
    @FunctionalInterface
    interface ElementReader {
        void read(int index);
    }

    EvidenceType format() {
        return format;
    }

    ParseLimits limits() {
        return limits;
    }

    JsonToken token() {
        return parser.currentToken();
    }

    boolean isNull() {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    boolean isObject() {
        return parser.currentToken() == JsonToken.START_OBJECT;
    }

    boolean isArray() {
        return parser.currentToken() == JsonToken.START_ARRAY;
    }

    /** Reads the object at the current token (nothing for null); any other value is a format error. */
    void readObject(PropertyReader reader) {
        if (isNull()) {
            return;
        }
        if (!isObject()) {
            throw typeError("an object");
        }
        List<String> read = null;
        while (next() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            next();
            if (reader.read(key)) {
                if (read == null) {
                    read = new ArrayList<>(4);
                } else if (read.contains(key)) {
                    throw error("the key \"" + key + "\" appears more than once");
                }
                // Parsers read fewer keys than this from any object; maps read whole (k6 metrics) are checked up to it,
                // so that a hostile object with millions of keys costs neither memory nor quadratic time.
                if (read.size() < MAX_TRACKED_KEYS) {
                    read.add(key);
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Reads the array at the current token (nothing for null); any other value is a format error. */
    void readArray(ElementReader reader) {
        if (isNull()) {
            return;
        }
        if (!isArray()) {
            throw typeError("an array");
        }
        int index = 0;
        while (next() != JsonToken.END_ARRAY) {
            reader.read(index++);
        }
    }

    /** Moves past the root value just read: whether another root value follows. */
    boolean nextRoot() {
        return parser.nextToken() != null;
    }

    /** Skips the current value, whatever it is. */
    void skip() {
        parser.skipChildren();
    }

    /** A string (numbers and booleans as written), or null; an object or array is a format error. */
    @Nullable String text() {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            case VALUE_NULL -> null;
            default -> throw typeError("a string");
        };
    }

    /** A string that must be present and not blank. */
    String requiredText(String what) {
        String text = text();
        if (text == null || text.isBlank()) {
            throw error(what + " is missing or empty");
        }
        return text;
    }

    /** A number (or a string holding one), or null. */
    @Nullable Double number() {
        return switch (parser.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> finite(parser.getDoubleValue());
            case VALUE_STRING -> parseNumber(parser.getString());
            case VALUE_NULL -> null;
            default -> throw typeError("a number");
        };
    }

    /** A count: a whole, non-negative number, or null. */
    @Nullable Long count() {
        Double value = number();
        if (value == null) {
            return null;
        }
        if (value < 0 || value != Math.rint(value) || value > Long.MAX_VALUE) {
            throw error("expected a whole non-negative number, found " + parser.getText());
        }
        return value.longValue();
    }

    @Nullable Boolean bool() {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw typeError("true or false");
        };
    }

    /** Strings of an array of strings (other elements are a format error), up to {@code max}; the rest are skipped. */
    List<String> texts(int max) {
        List<String> texts = new ArrayList<>();
        readArray(index -> {
            String text = text();
            if (text != null && texts.size() < max) {
                texts.add(text);
            }
        });
        return texts;
    }

    /** A format error at the current position. */
    EvidenceFormatException error(String problem) {
        return new EvidenceFormatException(format, pointer(), problem);
    }

    /** The JSON pointer of the current value ({@code /} for the root). */
    String pointer() {
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        return locationPrefix + (pointer.isEmpty() ? "/" : pointer);
    }

    private EvidenceFormatException typeError(String expected) {
        return error("expected " + expected + ", found " + describe(parser.currentToken()));
    }

    private JsonToken next() {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw error("the document ends too early");
        }
        return token;
    }

    /** A number beyond a double's range (1e999) reads as infinite, which no fact can hold. */
    private double finite(double value) {
        if (!Double.isFinite(value)) {
            throw error("expected a finite number, found " + Texts.shorten(parser.getText(), 40));
        }
        return value;
    }

    private @Nullable Double parseNumber(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw error("expected a finite number, found \"" + Texts.shorten(text, 40) + "\"");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("expected a number, found \"" + Texts.shorten(text, 40) + "\"");
        }
    }

    private static String describe(@Nullable JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
