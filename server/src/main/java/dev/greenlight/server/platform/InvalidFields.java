package dev.greenlight.server.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects what is wrong with a request, field by field, so that one answer lists every invalid field, in the shape
 * bean validation gives: {@code validation-failed} with {@code errors: [{field, message}]}.
 */
public final class InvalidFields {
    private final List<Map<String, String>> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw problem(errors);
        }
    }

    /** The problem for one invalid field. */
    public static GreenlightException single(String field, String message) {
        return problem(List.of(Map.of("field", field, "message", message)));
    }

    private static GreenlightException problem(List<Map<String, String>> errors) {
        return new GreenlightException(ProblemKind.VALIDATION_FAILED,
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".").with("errors", List.copyOf(errors));
    }
}
