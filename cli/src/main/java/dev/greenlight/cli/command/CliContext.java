package dev.greenlight.cli.command;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.client.HttpSettings;
import dev.greenlight.cli.config.ConfigLocation;
import dev.greenlight.cli.config.ConfigStore;
import dev.greenlight.cli.config.ConnectionResolver;
import dev.greenlight.cli.output.ResultPrinter;
import java.io.InputStream;
import java.nio.file.Path;
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
    private final Path workingDirectory;
    private final boolean interactive;
    private final GlobalOptions globalOptions = new GlobalOptions();

    /** For runs without a terminal, in the process's working directory. */
    public CliContext(Map<String, String> environment, InputStream stdin, SecretPrompt secretPrompt, HttpSettings httpSettings) {
        this(environment, stdin, secretPrompt, httpSettings, Path.of("").toAbsolutePath(), false);
    }

    /**
     * @param workingDirectory what relative file names and glob patterns on the command line are relative to
     * @param interactive whether standard error is a terminal, where progress may redraw one line in place
     */
    public CliContext(Map<String, String> environment, InputStream stdin, SecretPrompt secretPrompt, HttpSettings httpSettings,
            Path workingDirectory, boolean interactive) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.stdin = requireNonNull(stdin, "stdin is null");
        this.secretPrompt = requireNonNull(secretPrompt, "secretPrompt is null");
        this.httpSettings = requireNonNull(httpSettings, "httpSettings is null");
        this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory is null").toAbsolutePath();
        this.interactive = interactive;
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

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Whether a person watches standard error on a terminal (not a CI log, a pipe or a file). */
    public boolean interactive() {
        return interactive;
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
