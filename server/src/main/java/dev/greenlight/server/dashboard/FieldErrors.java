package dev.greenlight.server.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/** The per-field messages of a {@code validation-failed} problem, worded for a form. */
final class FieldErrors {
    private FieldErrors() {
    }

    /** Field name to message; empty unless the problem is a validation failure. A LinkedHashMap: it goes into the session. */
    static LinkedHashMap<String, String> of(GreenlightException exception) {
        LinkedHashMap<String, String> errors = new LinkedHashMap<>();
        if (exception.kind() != ProblemKind.VALIDATION_FAILED || !(exception.properties().get("errors") instanceof List<?> listed)) {
            return errors;
        }
        for (Object one : listed) {
            if (one instanceof Map<?, ?> error && error.get("field") instanceof String field && error.get("message") instanceof String message) {
                errors.merge(field, worded(message), (first, second) -> first + "; " + second);
            }
        }
        return errors;
    }

    private static String worded(String message) {
        return switch (message) {
            case "must not be blank", "must not be null" -> "This field is required.";
            default -> message.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + message.substring(1) + ".";
        };
    }
}
