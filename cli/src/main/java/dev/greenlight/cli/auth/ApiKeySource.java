package dev.greenlight.cli.auth;

import dev.greenlight.cli.client.ApiKey;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.config.EnvironmentVariables;
import dev.greenlight.cli.failure.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code login} gets the key from. Never from a command-line argument: arguments are
 * visible to every user of the machine through {@code ps} and land in shell history.
 */
final class ApiKeySource {
    private final CliContext context;

    ApiKeySource(CliContext context) {
        this.context = context;
    }

    /** Standard input when asked, else the environment, else a prompt on the terminal. */
    ApiKey read(boolean fromStandardInput) {
        if (fromStandardInput) {
            String line = firstLineOfStandardInput();
            if (line == null || line.isBlank()) {
                throw new InvalidInputException("--api-key-stdin was given, but standard input holds no API key.");
            }
            return new ApiKey(line.strip());
        }
        String fromEnvironment = context.environment().get(EnvironmentVariables.API_KEY);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new ApiKey(fromEnvironment.strip());
        }
        String typed = context.secretPrompt().read("API key: ");
        if (typed != null && !typed.isBlank()) {
            return new ApiKey(typed.strip());
        }
        throw new InvalidInputException("No API key given. Pipe it in with --api-key-stdin, set "
                + EnvironmentVariables.API_KEY + ", or run `greenlight login` in a terminal to type it.");
    }

    private String firstLineOfStandardInput() {
        // Not closed: the stream belongs to the caller (System.in when run as a program).
        BufferedReader reader = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8));
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
