package dev.greenlight.server.promotions;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.platform.InvalidFields;

/** A body that only says why: {@code {"reason": "…"}}, required, at most 1000 characters. */
record ReasonBody(@Nullable String reason) {
    private static final int MAX = 1000;

    static String reasonOf(@Nullable ReasonBody body) {
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank() || reason.length() > MAX) {
            throw InvalidFields.single("reason", "must say why (1 to " + MAX + " characters)");
        }
        return reason.strip();
    }
}
