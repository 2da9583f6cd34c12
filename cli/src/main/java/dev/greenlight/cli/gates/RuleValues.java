package dev.greenlight.cli.gates;

import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What a rule's expression looked at, on one line: {@code tests.failed=1, params.maxFailed=0}. A value can be a whole
 * list of vulnerabilities; it is cut short, since the line only has to say why, and {@code -o json} has it all.
 */
final class RuleValues {
    /** Enough for a number, a version or a short list; longer values end in "...". */
    static final int MAX_VALUE_LENGTH = 40;

    private RuleValues() {
    }

    static String compact(JsonNode values) {
        return values.propertyStream()
                .map(entry -> entry.getKey() + "=" + shortened(text(entry.getValue())))
                .collect(Collectors.joining(", "));
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.stringValue() : value.toString();
    }

    private static String shortened(String text) {
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 3) + "...";
    }
}
