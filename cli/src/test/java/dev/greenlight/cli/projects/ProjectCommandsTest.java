package dev.greenlight.cli.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import dev.greenlight.cli.testing.RecordedRequest;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandsTest {
    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsEveryPageAsATable() {
        server.respond("GET", "/api/v1/projects", 200, """
                {"items":[{"slug":"payments","name":"Payments","description":"Card payments","createdAt":"2025-06-01T12:00:00Z"}],
                 "nextCursor":"p2"}""")
                .respond("GET", "/api/v1/projects?cursor=p2", 200, """
                {"items":[{"slug":"ui","name":"Web UI","description":null,"createdAt":"2025-06-02T08:30:00Z"}],"nextCursor":null}""");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("projects", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                SLUG      NAME      CREATED               DESCRIPTION
                payments  Payments  2025-06-01T12:00:00Z  Card payments
                ui        Web UI    2025-06-02T08:30:00Z  -
                """);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void listsEveryPageAsOneJsonArray() {
        server.respond("GET", "/api/v1/projects", 200, "{\"items\":[{\"slug\":\"a\"}],\"nextCursor\":\"p2\"}")
                .respond("GET", "/api/v1/projects?cursor=p2", 200, "{\"items\":[{\"slug\":\"b\"}],\"nextCursor\":null}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("projects", "list", "-o", "json");

        assertThat(result.out()).isEqualTo("""
                [
                  {
                    "slug": "a"
                  },
                  {
                    "slug": "b"
                  }
                ]
                """);
    }

    @Test
    void createsAProjectWithAnIdempotencyKey() {
        server.respond("POST", "/api/v1/projects", 201, """
                {"slug":"payments","name":"Payments","description":"Card payments","createdAt":"2025-06-01T12:00:00Z"}""");

        CliResult result = CliRunner.loggedInTo(server, configDirectory)
                .run("projects", "create", "payments", "--name", "Payments", "--description", "Card payments");

        assertThat(result.exitCode()).isZero();
        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/projects");
        assertThat(request.body()).isEqualTo("{\"slug\":\"payments\",\"name\":\"Payments\",\"description\":\"Card payments\"}");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Accept")).contains("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + CliRunner.API_KEY);
        assertThat(UUID.fromString(request.header("Idempotency-Key"))).isNotNull();
        assertThat(result.out()).startsWith("Created project payments.\n").contains("Name:         Payments");
    }

    @Test
    void leavesOutADescriptionThatWasNotGiven() {
        server.respond("POST", "/api/v1/projects", 201, "{\"slug\":\"ui\",\"name\":\"UI\"}");

        CliRunner.loggedInTo(server, configDirectory).run("projects", "create", "ui", "--name", "UI");

        assertThat(server.onlyRequest().body()).isEqualTo("{\"slug\":\"ui\",\"name\":\"UI\"}");
    }

    @Test
    void showsTheServersFieldErrors() {
        server.respond("POST", "/api/v1/projects", 422, """
                {"type":"https://greenlight.dev/problems/validation","title":"Invalid request","status":422,
                 "detail":"The project is invalid.","instance":"/api/v1/projects","traceId":"abc123",
                 "errors":[{"field":"slug","message":"must match [a-z0-9-]+"}]}""");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("projects", "create", "Pay Ments", "--name", "P");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                Error: The server rejected the request: Invalid request (HTTP 422)
                The project is invalid.
                  slug: must match [a-z0-9-]+
                Trace ID: abc123 (quote it when asking an administrator)
                """);
    }
}
