package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreenlightCliTest {
    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliResult result = CliRunner.withConfigIn(configDirectory).run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("login", "logout", "whoami", "projects", "environments", "releases", "push", "ledger")
                .contains("--server", "--output", "--insecure-http")
                .contains("Exit codes:", "0   Success.", "1   A negative verdict", "2   An error");
    }

    @Test
    void everySubcommandHasHelpWithTheGlobalOptions() {
        for (String[] command : new String[][] {
            {"login"}, {"logout"}, {"whoami"}, {"projects", "list"}, {"projects", "create"}, {"environments", "list"},
            {"environments", "create"}, {"releases", "list"}, {"releases", "create"}, {"releases", "show"},
            {"push"}, {"ledger", "verify-proof"}, {"ledger", "audit"}}) {
            String[] args = Stream.concat(Arrays.stream(command), Stream.of("--help")).toArray(String[]::new);

            CliResult result = CliRunner.withConfigIn(configDirectory).run(args);

            assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(result.out()).as(String.join(" ", command)).contains("Usage: greenlight " + String.join(" ", command), "--server", "--output");
        }
    }

    @Test
    void printsItsVersion() {
        CliResult result = CliRunner.withConfigIn(configDirectory).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("greenlight-cli \\d+\\.\\d+\\.\\d+.*\\n");
    }

    @Test
    void aUsageErrorExitsWithTwoAndPointsToHelp() {
        CliResult result = CliRunner.withConfigIn(configDirectory).run("projects", "create", "payments");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Error: Missing required option: '--name=NAME'")
                .contains("Run 'greenlight projects create --help' for usage.");
    }

    @Test
    void aCommandGroupWithoutSubcommandShowsItsSubcommands() {
        CliResult result = CliRunner.withConfigIn(configDirectory).run("releases");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required subcommand", "list", "create", "show");
    }

    @Test
    void notLoggedInExitsWithTwoAndSaysHowToLogIn() {
        CliResult result = CliRunner.withConfigIn(configDirectory).run("projects", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                Error: Not logged in: no server address is configured.
                Run `greenlight login --server URL`, or set GREENLIGHT_SERVER and GREENLIGHT_API_KEY.
                """);
    }

    @Test
    void anUnreachableServerExitsWithTwoAndAClearMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliResult result = CliRunner.withConfigIn(configDirectory)
                .env("GREENLIGHT_API_KEY", CliRunner.API_KEY)
                .run("projects", "list", "--server", "http://127.0.0.1:" + closedPort);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("Error: Could not reach the Greenlight server at http://127.0.0.1:" + closedPort + ": connection refused.")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aServerFailureExitsWithTwoAndShowsTheTraceId() {
        server.respond("GET", "/api/v1/projects", 503,
                "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Database is starting\",\"traceId\":\"t-503\"}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("projects", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("""
                Error: The server failed: Service Unavailable (HTTP 503)
                Database is starting
                Trace ID: t-503 (quote it when asking an administrator)
                """);
    }

    @Test
    void aRejectedKeySaysToLogInAgain() {
        server.respond("GET", "/api/v1/me", 401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Invalid API key\"}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("whoami");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid API key", "Run `greenlight login` again.");
    }

    @Test
    void refusesPlainHttpToARemoteHostAndSaysWhy() {
        CliResult result = CliRunner.withConfigIn(configDirectory)
                .env("GREENLIGHT_API_KEY", CliRunner.API_KEY)
                .run("projects", "list", "--server", "http://greenlight.example.com");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Refusing to send the API key over plain http to greenlight.example.com",
                "Anyone on the network path could read the key", "--insecure-http");
    }

    @Test
    void globalOptionsWorkBeforeTheSubcommandToo() {
        server.respond("GET", "/api/v1/projects", 200, "{\"items\":[],\"nextCursor\":null}");

        CliResult result = CliRunner.withConfigIn(configDirectory)
                .env("GREENLIGHT_API_KEY", CliRunner.API_KEY)
                .run("--server", server.url(), "--output", "json", "projects", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("[]\n");
    }

    @Test
    void neverPrintsTheApiKeyWhateverHappens() {
        server.respond("GET", "/api/v1/me", 401, "{\"title\":\"Unauthorized\",\"status\":401}")
                .respond("GET", "/api/v1/projects", 500, "text/plain", "boom");
        CliRunner runner = CliRunner.loggedInTo(server, configDirectory);

        for (CliResult result : new CliResult[] {
            runner.run("whoami"), runner.run("projects", "list"), runner.run("-o", "json", "whoami"),
            runner.run("projects", "list", "--server", "http://greenlight.example.com"),
            runner.stdin(CliRunner.API_KEY + "\n").run("login", "--api-key-stdin", "--server", server.url())}) {
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.all()).doesNotContain(CliRunner.API_KEY).doesNotContain("S3CRET");
        }
    }

    @Test
    void canBeCalledInProcessWithPlainWritersAndAnEnvironmentMap() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = GreenlightCli.run(new String[] {"whoami"}, new PrintWriter(out), new PrintWriter(err),
                Map.of("GREENLIGHT_CONFIG_DIR", configDirectory.toString()), new ByteArrayInputStream(new byte[0]));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Not logged in");
    }
}
