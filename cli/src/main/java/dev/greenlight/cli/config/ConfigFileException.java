package dev.greenlight.cli.config;

import dev.greenlight.cli.failure.CliException;

/** The config file could not be read or written. */
public final class ConfigFileException extends CliException {
    ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
