package dev.greenlight.cli.config;

import dev.greenlight.cli.client.ServerAddress;
import dev.greenlight.cli.failure.CliException;
import java.util.List;

/** The only API key at hand was saved for a different server than the one the command names. */
public final class KeyForAnotherServerException extends CliException {
    KeyForAnotherServerException(ServerAddress storedServer, ServerAddress requestedServer) {
        super("The saved API key belongs to " + storedServer + ", not to " + requestedServer + ".");
    }

    @Override
    public List<String> describe() {
        return List.of(
                getMessage(),
                "It is not sent elsewhere. Run `greenlight login --server URL` for that server, or set "
                        + EnvironmentVariables.API_KEY + ".");
    }
}
