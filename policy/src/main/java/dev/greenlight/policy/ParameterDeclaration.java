package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A value a pack lets each environment choose, read by rules as {@code params.<name>}.
 *
 * @param defaultValue used when the environment gives none; null makes the parameter required
 */
public record ParameterDeclaration(String name, FactType type, @Nullable Object defaultValue, String description) {
    public ParameterDeclaration {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
    }
}
