package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

/** One invalid input named in a validation problem. */
public record FieldError(String field, String message) {
    public FieldError {
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }
}
