package dev.greenlight.cli.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The directory that holds the CLI's {@code config.json}. */
public record ConfigLocation(Path directory) {
    public ConfigLocation {
        requireNonNull(directory, "directory is null");
    }

    /**
     * {@code $GREENLIGHT_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/greenlight}, else
     * {@code ~/.config/greenlight}, following the XDG base directory convention.
     */
    public static ConfigLocation from(Map<String, String> environment) {
        String explicit = nonBlank(environment.get(EnvironmentVariables.CONFIG_DIR));
        if (explicit != null) {
            return new ConfigLocation(Path.of(explicit));
        }
        String xdg = nonBlank(environment.get(EnvironmentVariables.XDG_CONFIG_HOME));
        // The XDG specification says to ignore a relative XDG_CONFIG_HOME.
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return new ConfigLocation(Path.of(xdg, "greenlight"));
        }
        String home = nonBlank(environment.get(EnvironmentVariables.HOME));
        return new ConfigLocation(Path.of(home != null ? home : System.getProperty("user.home"), ".config", "greenlight"));
    }

    public Path file() {
        return directory.resolve("config.json");
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
