package dev.greenlight.server.promotions;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/** A body that only says why: {@code {"reason": "…"}}, required, at most 1000 characters. */
record ReasonBody(@Nullable String reason) {
    private static final int MAX = 1000;

    static String reasonOf(@Nullable ReasonBody body) {
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank() || reason.length() > MAX) {
            throw new GreenlightException(ProblemKind.VALIDATION_FAILED, "The request has 1 invalid field.")
                    .with("errors", List.of(Map.of("field", "reason", "message", "must say why (1 to " + MAX + " characters)")));
        }
        return reason.strip();
    }
}
