package dev.greenlight.cli;

import dev.greenlight.cli.failure.CliException;
import dev.greenlight.cli.failure.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a message on standard error and exit code 2. Expected failures
 * print only their description; anything else is a bug, and its stack trace helps report it.
 */
final class FailureReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof CliException failure) {
            List<String> lines = failure.describe();
            err.println("Error: " + lines.getFirst());
            lines.stream().skip(1).forEach(err::println);
        } else {
            err.println("Error: an unexpected failure; please report it with the details below.");
            exception.printStackTrace(err);
        }
        err.flush();
        return ExitCode.ERROR;
    }
}
