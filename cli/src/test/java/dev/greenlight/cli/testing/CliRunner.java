package dev.greenlight.cli.testing;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.client.HttpSettings;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.command.SecretPrompt;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with a private config directory and a made-up environment. */
public final class CliRunner {
    /** Shaped like a real key, and distinctive enough that a leak into any output is obvious. */
    public static final String API_KEY = "glk_k3y1d_S3CRET-never-print-me";

    private final Map<String, String> environment = new HashMap<>();
    private SecretPrompt secretPrompt = SecretPrompt.NONE;
    private String standardInput = "";
    private Path workingDirectory = Path.of("").toAbsolutePath();

    private CliRunner(Path configDirectory) {
        environment.put("GREENLIGHT_CONFIG_DIR", configDirectory.toString());
    }

    /** Not logged in: nothing configured anywhere. */
    public static CliRunner withConfigIn(Path configDirectory) {
        return new CliRunner(configDirectory);
    }

    /** Logged in through the environment, the way CI is. */
    public static CliRunner loggedInTo(FakeGreenlightServer server, Path configDirectory) {
        return new CliRunner(configDirectory).env("GREENLIGHT_SERVER", server.url()).env("GREENLIGHT_API_KEY", API_KEY);
    }

    public CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public CliRunner withoutEnv(String name) {
        environment.remove(name);
        return this;
    }

    public CliRunner stdin(String text) {
        standardInput = text;
        return this;
    }

    public CliRunner prompt(SecretPrompt prompt) {
        secretPrompt = prompt;
        return this;
    }

    /** Where relative file names and globs are resolved. */
    public CliRunner workingDirectory(Path directory) {
        workingDirectory = directory;
        return this;
    }

    public CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Short timeouts and retry waits: nothing in these tests is slow, and a hang should fail fast.
        HttpSettings http = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), "greenlight-cli/test", Duration.ofMillis(10));
        CliContext context = new CliContext(environment,
                new ByteArrayInputStream(standardInput.getBytes(StandardCharsets.UTF_8)), secretPrompt, http, workingDirectory, false);
        int exitCode = GreenlightCli.run(args, new PrintWriter(out), new PrintWriter(err), context);
        return new CliResult(exitCode, out.toString(), err.toString());
    }
}
