package dev.greenlight.cli.promotions;

import dev.greenlight.cli.failure.CliException;

/** Following a promotion or rollback was interrupted: it neither ended well nor badly as far as the CLI knows, so an error. */
final class WaitInterruptedException extends CliException {
    WaitInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
