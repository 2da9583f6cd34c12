package dev.greenlight.cli.policy;

import dev.greenlight.policy.FactType;
import dev.greenlight.policy.ParameterDeclaration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --param name=value} options as the pack's parameters: only declared names, each value read as its declared
 * type — {@code true}/{@code false}, a number, text as it is, a comma-separated list for {@code list(string)}, JSON
 * for lists of maps and maps.
 */
final class ParameterValues {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ParameterValues() {
    }

    static Map<String, Object> of(Map<String, String> given, Map<String, ParameterDeclaration> declared) {
        Map<String, Object> values = new LinkedHashMap<>();
        given.forEach((name, text) -> {
            ParameterDeclaration declaration = declared.get(name);
            if (declaration == null) {
                throw new PolicyCliException("The pack declares no parameter " + name + " (declared: "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())) + ").");
            }
            values.put(name, value(declaration, text));
        });
        return values;
    }

    private static Object value(ParameterDeclaration declaration, String text) {
        FactType type = declaration.type();
        try {
            return switch (type) {
                case BOOL -> switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("not true or false");
                };
                case INT -> Long.parseLong(text.strip());
                case DOUBLE -> Double.parseDouble(text.strip());
                case STRING -> text;
                case STRING_LIST -> text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
                case MAP_LIST, LIST -> JSON.readValue(text, List.class);
                case MAP -> JSON.readValue(text, Map.class);
            };
        } catch (IllegalArgumentException | JacksonException e) {
            throw new PolicyCliException("--param " + declaration.name() + "=" + text + " is not a valid " + type.typeName() + ".");
        }
    }
}
