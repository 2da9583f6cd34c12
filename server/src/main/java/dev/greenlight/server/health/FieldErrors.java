package dev.greenlight.server.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/** Collects what is wrong with a request, field by field, into the problem bean validation gives ({@code errors: [{field, message}]}). */
final class FieldErrors {
    private final List<Map<String, String>> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new GreenlightException(ProblemKind.VALIDATION_FAILED,
                    "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".")
                    .with("errors", List.copyOf(errors));
        }
    }

    static GreenlightException single(String field, String message) {
        FieldErrors errors = new FieldErrors();
        errors.add(field, message);
        return new GreenlightException(ProblemKind.VALIDATION_FAILED, "The request has 1 invalid field.").with("errors", List.copyOf(errors.errors));
    }
}
