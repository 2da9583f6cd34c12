package dev.greenlight.cli.command;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.client.HttpSettings;
import dev.greenlight.cli.config.ConfigLocation;
import dev.greenlight.cli.config.ConfigStore;
import dev.greenlight.cli.config.ConnectionResolver;
import dev.greenlight.cli.output.ResultPrinter;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Everything one run of the CLI may touch outside itself. Commands get it through their
 * constructor instead of reaching for {@code System.getenv()} or {@code System.in}, so a test or
 * another Java program can run them in-process.
 */
public final class CliContext {
    private final Map<String, String> environment;
    private final InputStream stdin;
    private final SecretPrompt secretPrompt;
    private final HttpSettings httpSettings;
    private final GlobalOptions globalOptions = new GlobalOptions();

    public CliContext(Map<String, String> environment, InputStream stdin, SecretPrompt secretPrompt, HttpSettings httpSettings) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.stdin = requireNonNull(stdin, "stdin is null");
        this.secretPrompt = requireNonNull(secretPrompt, "secretPrompt is null");
        this.httpSettings = requireNonNull(httpSettings, "httpSettings is null");
    }

    public Map<String, String> environment() {
        return environment;
    }

    public InputStream stdin() {
        return stdin;
    }

    public SecretPrompt secretPrompt() {
        return secretPrompt;
    }

    public HttpSettings httpSettings() {
        return httpSettings;
    }

    public GlobalOptions globalOptions() {
        return globalOptions;
    }

    public ConfigStore configStore() {
        return new ConfigStore(ConfigLocation.from(environment));
    }

    public ConnectionResolver connectionResolver() {
        return new ConnectionResolver(environment, configStore());
    }

    /** A client for the server and key in effect; the caller closes it. */
    public GreenlightClient connect() {
        return new GreenlightClient(
                connectionResolver().resolve(globalOptions.server(), globalOptions.insecureHttp()), httpSettings);
    }

    /** Prints to the command's own output writer, which the caller of the CLI chose. */
    public ResultPrinter printer(CommandSpec spec) {
        return new ResultPrinter(spec.commandLine().getOut(), globalOptions.output());
    }
}
