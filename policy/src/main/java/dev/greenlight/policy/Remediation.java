package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** What to do when a rule does not pass, and optionally where to read more. */
public record Remediation(String text, @Nullable String link) {
    public Remediation {
        requireNonNull(text, "text is null");
    }
}
