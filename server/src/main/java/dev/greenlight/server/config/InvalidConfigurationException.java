package dev.greenlight.server.config;

import static java.util.Objects.requireNonNull;

/** A configuration value that passed binding but cannot work, found while starting (an unwritable directory...). */
public class InvalidConfigurationException extends RuntimeException {
    private final String property;

    public InvalidConfigurationException(String property, String problem) {
        super(requireNonNull(problem, "problem is null"));
        this.property = requireNonNull(property, "property is null");
    }

    public String property() {
        return property;
    }
}
