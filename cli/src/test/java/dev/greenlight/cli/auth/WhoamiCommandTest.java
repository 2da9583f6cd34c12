package dev.greenlight.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhoamiCommandTest {
    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @BeforeEach
    void setUp() {
        server.respond("GET", "/api/v1/me", 200, """
                {"kind":"service-account","name":"ci-bot","displayName":null,"workspace":{"slug":"acme","name":"Acme"},"instanceAdmin":false}
                """);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void showsWhoTheKeyBelongsTo() {
        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("whoami");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Server:          %s
                Name:            ci-bot
                Kind:            service-account
                Display name:    -
                Workspace:       acme (Acme)
                Instance admin:  no
                """.formatted(server.url()));
    }

    @Test
    void printsTheServersJsonWhenAsked() {
        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("whoami", "--output", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("{\n  \"kind\": \"service-account\",\n").contains("\"slug\": \"acme\"");
    }
}
