package dev.greenlight.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {
    private static final String ME = """
            {"kind":"user","name":"admin","displayName":"The Admin","workspace":{"slug":"default","name":"Default"},"instanceAdmin":true}
            """;

    @TempDir
    private Path home;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();
    private Path configDirectory;

    @BeforeEach
    void setUp() {
        configDirectory = home.resolve("config/greenlight");
        server.respond("GET", "/api/v1/me", 200, ME);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void verifiesTheKeyThenWritesAnOwnerOnlyConfigFile() throws Exception {
        CliResult result = CliRunner.withConfigIn(configDirectory)
                .stdin(CliRunner.API_KEY + "\n")
                .run("login", "--server", server.url() + "/", "--api-key-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/me");
        assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer " + CliRunner.API_KEY);
        Path file = configDirectory.resolve("config.json");
        assertThat(Files.readString(file)).isEqualToIgnoringWhitespace(
                "{\"server\":\"" + server.url() + "\",\"apiKey\":\"" + CliRunner.API_KEY + "\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDirectory))).isEqualTo("rwx------");
        assertThat(result.out()).startsWith("Logged in to " + server.url() + " as admin (user) in workspace default.\n")
                .contains(file.toString())
                .doesNotContain(CliRunner.API_KEY);
    }

    @Test
    void laterCommandsUseTheStoredLogin() {
        CliRunner runner = CliRunner.withConfigIn(configDirectory).stdin(CliRunner.API_KEY + "\n");
        runner.run("login", "--server", server.url(), "--api-key-stdin");

        CliResult result = runner.run("whoami");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Name:            admin", "Workspace:       default (Default)", "Instance admin:  yes");
        assertThat(server.requests()).allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + CliRunner.API_KEY));
    }

    @Test
    void takesTheKeyFromTheEnvironmentWhenNotPiped() {
        CliResult result = CliRunner.withConfigIn(configDirectory).env("GREENLIGHT_API_KEY", CliRunner.API_KEY).run("login", "--server", server.url());

        assertThat(result.exitCode()).isZero();
        assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer " + CliRunner.API_KEY);
    }

    @Test
    void promptsForTheKeyWhenATerminalIsAttached() {
        AtomicReference<String> askedWith = new AtomicReference<>();

        CliResult result = CliRunner.withConfigIn(configDirectory)
                .prompt(prompt -> {
                    askedWith.set(prompt);
                    return CliRunner.API_KEY;
                })
                .run("login", "--server", server.url());

        assertThat(result.exitCode()).isZero();
        assertThat(askedWith.get()).isEqualTo("API key: ");
        assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer " + CliRunner.API_KEY);
    }

    @Test
    void aRejectedKeyIsNotSaved() {
        server.close();
        try (FakeGreenlightServer rejecting = FakeGreenlightServer.start()) {
            rejecting.respond("GET", "/api/v1/me", 401, "{\"title\":\"Unauthorized\",\"status\":401,\"traceId\":\"t1\"}");

            CliResult result = CliRunner.withConfigIn(configDirectory).stdin("glk_bad_key\n")
                    .run("login", "--server", rejecting.url(), "--api-key-stdin");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("Unauthorized (HTTP 401)", "Trace ID: t1");
            assertThat(configDirectory.resolve("config.json")).doesNotExist();
        }
    }

    @Test
    void withoutAnyKeySourceExplainsTheOptions() {
        CliResult result = CliRunner.withConfigIn(configDirectory).run("login", "--server", server.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No API key given", "--api-key-stdin", "GREENLIGHT_API_KEY");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void withoutAServerAsksForOne() {
        CliResult result = CliRunner.withConfigIn(configDirectory).stdin(CliRunner.API_KEY).run("login", "--api-key-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Which server? Pass --server URL");
    }

    @Test
    void doesNotAcceptTheKeyAsAnArgument() {
        CliResult result = CliRunner.withConfigIn(configDirectory).run("login", "--server", server.url(), "--api-key", CliRunner.API_KEY);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void printsTheIdentityAsJsonWhenAsked() {
        CliResult result = CliRunner.withConfigIn(configDirectory).stdin(CliRunner.API_KEY)
                .run("login", "--server", server.url(), "--api-key-stdin", "-o", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"name\": \"admin\"", "\"instanceAdmin\": true");
    }
}
