package dev.greenlight.cli;

import dev.greenlight.cli.failure.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that does not parse. It prints the problem and where to find help
 * rather than the whole usage text, which would push the actual error off the screen.
 */
final class UsageErrorReporter implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("Error: " + exception.getMessage());
        UnmatchedArgumentException.printSuggestions(exception, err);
        if (!commandLine.getSubcommands().isEmpty() && commandLine.getParseResult().subcommand() == null) {
            // A command group without its subcommand: the list of subcommands is the useful answer.
            commandLine.usage(err);
        } else {
            err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCode.ERROR;
    }
}
