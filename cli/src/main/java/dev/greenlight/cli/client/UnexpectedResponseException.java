package dev.greenlight.cli.client;

import dev.greenlight.cli.failure.CliException;

/** The server answered with success, but not with the JSON this CLI understands. */
public final class UnexpectedResponseException extends CliException {
    UnexpectedResponseException(String message) {
        super(message);
    }
}
