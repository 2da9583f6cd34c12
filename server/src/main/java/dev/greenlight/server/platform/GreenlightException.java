package dev.greenlight.server.platform;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An expected failure that the API reports as a problem of the given kind. The message becomes the problem's
 * {@code detail}, so it must be written for the API user and never carry secrets, SQL or file paths.
 */
public class GreenlightException extends RuntimeException {
    private final ProblemKind kind;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public GreenlightException(ProblemKind kind, String detail) {
        super(requireNonNull(detail, "detail is null"));
        this.kind = requireNonNull(kind, "kind is null");
    }

    public ProblemKind kind() {
        return kind;
    }

    /** Adds a member to the problem body beside {@code detail}, for what a client acts on (a format, a location). */
    public GreenlightException with(String name, Object value) {
        properties.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public static GreenlightException notFound(String detail) {
        return new GreenlightException(ProblemKind.NOT_FOUND, detail);
    }

    public static GreenlightException conflict(String detail) {
        return new GreenlightException(ProblemKind.CONFLICT, detail);
    }

    public static GreenlightException forbidden(String detail) {
        return new GreenlightException(ProblemKind.FORBIDDEN, detail);
    }

    public static GreenlightException badRequest(String detail) {
        return new GreenlightException(ProblemKind.BAD_REQUEST, detail);
    }
}
