package dev.greenlight.cli.environments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import dev.greenlight.cli.testing.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentCommandsTest {
    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsAProjectsEnvironmentsInServerOrder() {
        server.respond("GET", "/api/v1/projects/payments/environments", 200, """
                {"items":[{"name":"staging","position":0,"createdAt":"2025-06-01T12:00:00Z"},
                          {"name":"prod","position":1,"createdAt":"2025-06-01T12:01:00Z"}],"nextCursor":null}""");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("environments", "list", "--project", "payments");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                POSITION  NAME     CREATED
                0         staging  2025-06-01T12:00:00Z
                1         prod     2025-06-01T12:01:00Z
                """);
    }

    @Test
    void saysSoWhenAProjectHasNoEnvironments() {
        server.respond("GET", "/api/v1/projects/payments/environments", 200, "{\"items\":[],\"nextCursor\":null}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("environments", "list", "-p", "payments");

        assertThat(result.out()).isEqualTo("Project payments has no environments yet.\n");
    }

    @Test
    void createsAnEnvironmentAfterAnother() {
        server.respond("POST", "/api/v1/projects/payments/environments", 201,
                "{\"name\":\"canary\",\"position\":1,\"createdAt\":\"2025-06-01T12:00:00Z\"}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory)
                .run("environments", "create", "canary", "--project", "payments", "--after", "staging");

        assertThat(result.exitCode()).isZero();
        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo("{\"name\":\"canary\",\"after\":\"staging\"}");
        assertThat(request.header("Idempotency-Key")).isNotBlank();
        assertThat(result.out()).startsWith("Created environment canary.\n").contains("Position:  1");
    }

    @Test
    void appendsLastWhenNoPositionIsGiven() {
        server.respond("POST", "/api/v1/projects/payments/environments", 201, "{\"name\":\"prod\",\"position\":2}");

        CliRunner.loggedInTo(server, configDirectory).run("environments", "create", "prod", "--project", "payments");

        assertThat(server.onlyRequest().body()).isEqualTo("{\"name\":\"prod\"}");
    }

    @Test
    void reportsAnUnknownProject() {
        server.respond("GET", "/api/v1/projects/nope/environments", 404,
                "{\"title\":\"Project not found\",\"status\":404,\"detail\":\"No project nope in workspace default.\",\"traceId\":\"t404\"}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("environments", "list", "--project", "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Project not found (HTTP 404)", "No project nope in workspace default.", "Trace ID: t404");
    }
}
