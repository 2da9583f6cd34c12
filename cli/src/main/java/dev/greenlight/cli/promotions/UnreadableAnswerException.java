package dev.greenlight.cli.promotions;

import dev.greenlight.cli.failure.CliException;

/** The server answered with success, but without what the exit code is read from; an error, never an outcome. */
final class UnreadableAnswerException extends CliException {
    UnreadableAnswerException(String message) {
        super(message);
    }
}
