package dev.greenlight.cli.gates;

import dev.greenlight.cli.failure.CliException;

/** Waiting for a release to become ready was interrupted: neither ready nor blocked, so an error. */
final class WaitInterruptedException extends CliException {
    WaitInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
