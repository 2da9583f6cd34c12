package dev.greenlight.server.waivers;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/**
 * Validates a request body inside the handler, for handlers that must check a permission first: {@code @Valid} would
 * refuse an invalid body before the handler runs, so a caller without the permission would hear about its body rather
 * than be refused. The problem is the same as {@code @Valid}'s: {@code validation-failed} with the fields.
 */
@Component
class CheckedBodies {
    private final Validator validator;

    CheckedBodies(Validator validator) {
        this.validator = validator;
    }

    <T> T valid(@Nullable T body) {
        if (body == null) {
            throw new GreenlightException(ProblemKind.MALFORMED_BODY, "The request body is missing or is not valid JSON.");
        }
        List<Map<String, String>> errors = validator.validate(body).stream()
                .map(violation -> Map.of("field", violation.getPropertyPath().toString(), "message", violation.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field")))
                .toList();
        if (!errors.isEmpty()) {
            throw new GreenlightException(ProblemKind.VALIDATION_FAILED,
                    "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".").with("errors", errors);
        }
        return body;
    }
}
