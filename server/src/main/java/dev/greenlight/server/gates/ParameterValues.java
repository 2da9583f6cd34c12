package dev.greenlight.server.gates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.policy.FactType;
import dev.greenlight.policy.ParameterDeclaration;
import dev.greenlight.server.platform.InvalidFields;

/** Checks an environment's parameter values against what the pack declares, and gives them the types rules expect. */
final class ParameterValues {
    private ParameterValues() {
    }

    /** Throws a validation failure naming {@code parameters.<name>} for an unknown, mistyped or missing required value. */
    static void check(Map<String, Object> values, Map<String, ParameterDeclaration> declared, String packId) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            ParameterDeclaration declaration = declared.get(entry.getKey());
            if (declaration == null) {
                throw InvalidFields.single("parameters." + entry.getKey(), "is not a parameter of " + packId
                        + " (it declares " + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())) + ")");
            }
            if (!fits(declaration.type(), entry.getValue())) {
                throw InvalidFields.single("parameters." + entry.getKey(), "must be of type " + declaration.type().celName());
            }
        }
        for (ParameterDeclaration declaration : declared.values()) {
            if (declaration.defaultValue() == null && !values.containsKey(declaration.name())) {
                throw InvalidFields.single("parameters." + declaration.name(), "is required by " + packId + ": " + declaration.description());
            }
        }
    }

    /**
     * The values a pack evaluates with: the declared ones of the environment, integers widened to doubles where the
     * pack declares a double. Values the pack does not declare (left from a pack used before) are not passed on.
     */
    static Map<String, Object> forEvaluation(Map<String, Object> values, Map<String, ParameterDeclaration> declared) {
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            ParameterDeclaration declaration = declared.get(name);
            if (declaration != null && fits(declaration.type(), value)) {
                result.put(name, declaration.type() == FactType.DOUBLE ? ((Number) value).doubleValue() : widen(value));
            }
        });
        return result;
    }

    private static Object widen(Object value) {
        return value instanceof Integer number ? number.longValue() : value;
    }

    private static boolean fits(FactType type, @Nullable Object value) {
        return switch (type) {
            case BOOL -> value instanceof Boolean;
            case INT -> value instanceof Integer || value instanceof Long;
            case DOUBLE -> value instanceof Number;
            case STRING -> value instanceof String;
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            case MAP_LIST -> value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance);
            case LIST -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
        };
    }
}
