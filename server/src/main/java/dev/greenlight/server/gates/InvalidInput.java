package dev.greenlight.server.gates;

import java.util.List;
import java.util.Map;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/** The validation-failed problem for one field, in the shape bean validation gives ({@code errors: [{field, message}]}). */
final class InvalidInput {
    private InvalidInput() {
    }

    static GreenlightException field(String field, String message) {
        return new GreenlightException(ProblemKind.VALIDATION_FAILED, "The request has 1 invalid field.")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
