package dev.greenlight.cli.command;

import dev.greenlight.cli.output.OutputFormat;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the subcommand name. They are inherited by
 * picocli, which writes them into this one instance whichever command they follow.
 */
public final class GlobalOptions {
    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Greenlight server base URL. Overrides GREENLIGHT_SERVER and the config file.")
    private @Nullable String server;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = OutputFormat.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat output = OutputFormat.TABLE;

    @Option(names = "--insecure-http", scope = ScopeType.INHERIT,
            description = "Allow sending the API key over plain http to a host other than this machine.")
    private boolean insecureHttp;

    public @Nullable String server() {
        return server;
    }

    public OutputFormat output() {
        return output;
    }

    public boolean insecureHttp() {
        return insecureHttp;
    }
}
