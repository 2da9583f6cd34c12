package dev.greenlight.cli.auth;

import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.config.ConfigStore;
import dev.greenlight.cli.config.EnvironmentVariables;
import dev.greenlight.cli.config.StoredConfig;
import dev.greenlight.cli.failure.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "logout",
        description = "Remove the API key from the config file. The server address is kept for the next login.")
public final class LogoutCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConfigStore store = context.configStore();
        StoredConfig stored = store.load();
        if (stored.apiKey() == null) {
            out.println("Not logged in: " + store.file() + " holds no API key.");
        } else {
            store.save(stored.withoutApiKey());
            out.println("Logged out: removed the API key from " + store.file() + ".");
        }
        String fromEnvironment = context.environment().get(EnvironmentVariables.API_KEY);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            // Otherwise the next command would still be authenticated and the user would wonder why.
            spec.commandLine().getErr().println("Note: " + EnvironmentVariables.API_KEY
                    + " is set in this environment, and commands will keep using it.");
        }
        return ExitCode.SUCCESS;
    }
}
