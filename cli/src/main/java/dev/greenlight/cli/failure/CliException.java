package dev.greenlight.cli.failure;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An expected failure that ends a command with {@link ExitCode#ERROR}. It carries the lines to
 * show the user, so it is reported without a stack trace.
 */
public abstract class CliException extends RuntimeException {
    protected CliException(String message) {
        super(requireNonNull(message, "message is null"));
    }

    protected CliException(String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
    }

    /** What to print to standard error, first line first; the message unless a subclass says more. */
    public List<String> describe() {
        return List.of(getMessage());
    }
}
