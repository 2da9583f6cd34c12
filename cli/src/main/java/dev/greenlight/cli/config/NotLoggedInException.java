package dev.greenlight.cli.config;

import dev.greenlight.cli.failure.CliException;
import java.util.List;

/** No server or no API key is known from flags, the environment or the config file. */
public final class NotLoggedInException extends CliException {
    NotLoggedInException(String missing) {
        super("Not logged in: no " + missing + " is configured.");
    }

    @Override
    public List<String> describe() {
        return List.of(
                getMessage(),
                "Run `greenlight login --server URL`, or set " + EnvironmentVariables.SERVER + " and "
                        + EnvironmentVariables.API_KEY + ".");
    }
}
