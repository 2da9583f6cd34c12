package dev.greenlight.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Turns YAML nodes into the plain values facts and parameters are made of: String, Long, Double, Boolean, List, Map. */
final class YamlValues {
    private YamlValues() {
    }

    /** Lists and maps unmodifiable; YAML null stays null (a merged fact may be null, e.g. a subject's matchedArtifact). */
    static @Nullable Object plain(YamlNode node) {
        return switch (node) {
            case YamlNode.Scalar scalar -> scalar.value();
            case YamlNode.Sequence sequence -> {
                List<@Nullable Object> items = new ArrayList<>(sequence.items().size());
                sequence.items().forEach(item -> items.add(plain(item)));
                yield Collections.unmodifiableList(items);
            }
            case YamlNode.Mapping mapping -> plainMap(mapping);
        };
    }

    static Map<String, @Nullable Object> plainMap(YamlNode.Mapping mapping) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        mapping.entries().forEach((key, entry) -> values.put(key, plain(entry.value())));
        return Collections.unmodifiableMap(values);
    }

    /** Whether a plain value fits a parameter type; an integer fits a double (YAML writes 1 for 1.0). */
    static boolean fits(@Nullable Object value, FactType type) {
        return switch (type) {
            case BOOL -> value instanceof Boolean;
            case INT -> value instanceof Long;
            case DOUBLE -> value instanceof Double || value instanceof Long;
            case STRING -> value instanceof String;
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            case MAP_LIST -> value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance);
            case LIST -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
        };
    }

    /** The value in its type's canonical form: an integer given for a double becomes a double. */
    static Object canonical(Object value, FactType type) {
        return type == FactType.DOUBLE && value instanceof Long number ? (Object) number.doubleValue() : value;
    }
}
