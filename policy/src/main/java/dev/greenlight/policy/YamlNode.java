package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A YAML value with where it starts, so that every problem in a pack can point at its line and column. Only what a
 * pack needs exists: mappings with string keys, sequences, and scalars already typed (String, Long, Double, Boolean or
 * null).
 */
sealed interface YamlNode {
    SourcePosition position();

    /** What the value is, as a problem names it: "a mapping", "a string"... */
    String kind();

    /** A mapping in document order; a key appears once (the reader refuses duplicates). */
    record Mapping(SourcePosition position, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping and its value; {@code keyPosition} is where the key is. */
    record Entry(String key, SourcePosition keyPosition, YamlNode value) {
        public Entry {
            requireNonNull(key, "key is null");
            requireNonNull(keyPosition, "keyPosition is null");
            requireNonNull(value, "value is null");
        }
    }

    record Sequence(SourcePosition position, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: String, Long, Double, Boolean, or null for YAML's null. */
    record Scalar(SourcePosition position, @Nullable Object value) implements YamlNode {
        @Override
        public String kind() {
            return switch (value) {
                case null -> "null";
                case String text -> "a string";
                case Long number -> "an integer";
                case Double number -> "a number";
                case Boolean bool -> "a boolean";
                default -> "a scalar";
            };
        }
    }
}
