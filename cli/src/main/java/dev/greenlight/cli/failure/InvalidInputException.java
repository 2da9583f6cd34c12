package dev.greenlight.cli.failure;

/** The user gave something the CLI cannot use, found after picocli parsed the command line. */
public final class InvalidInputException extends CliException {
    public InvalidInputException(String message) {
        super(message);
    }
}
