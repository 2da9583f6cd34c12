package dev.greenlight.cli.gates;

import dev.greenlight.cli.failure.CliException;

/** The server answered with success, but without what a verdict is read from; an error, never a verdict. */
final class UnreadableReportException extends CliException {
    UnreadableReportException(String message) {
        super(message);
    }
}
