package dev.greenlight.cli.policy;

import dev.greenlight.cli.failure.CliException;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy command could not run (exit code 2): a pack that does not parse or compile, a file that cannot be read, a
 * parameter the pack does not declare. A pack that ran and failed its tests, or a blocked release, is a verdict instead.
 */
final class PolicyCliException extends CliException {
    private final List<String> details;

    PolicyCliException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    PolicyCliException(String message) {
        this(message, List.of());
    }

    PolicyCliException(String message, Throwable cause) {
        super(message, cause);
        this.details = List.of();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(getMessage());
        details.forEach(detail -> lines.add("  " + detail));
        return List.copyOf(lines);
    }
}
