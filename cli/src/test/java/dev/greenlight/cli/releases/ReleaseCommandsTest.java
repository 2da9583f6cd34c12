package dev.greenlight.cli.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import dev.greenlight.cli.testing.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCommandsTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String DIGEST = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String RELEASE = """
            {"version":"1.4.2","commitSha":"%s","commitTime":"2025-06-01T10:00:00Z",
             "artifacts":[{"name":"app.jar","sha256":"%s"}],"author":"alice","createdAt":"2025-06-01T12:00:00Z","createdBy":"ci-bot"}
            """.formatted(COMMIT, DIGEST);

    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsReleasesNewestFirstWithShortCommits() {
        server.respond("GET", "/api/v1/projects/payments/releases", 200, """
                {"items":[%s,{"version":"1.4.1","commitSha":"%s","artifacts":[],"author":null,"createdAt":"2025-05-01T12:00:00Z"}],
                 "nextCursor":null}""".formatted(RELEASE, COMMIT));

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("releases", "list", "--project", "payments");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                VERSION  COMMIT        ARTIFACTS  AUTHOR  CREATED
                1.4.2    0123456789ab  1          alice   2025-06-01T12:00:00Z
                1.4.1    0123456789ab  0          -       2025-05-01T12:00:00Z
                """);
    }

    @Test
    void honoursTheLimitAcrossPages() {
        server.respond("GET", "/api/v1/projects/payments/releases?limit=2", 200,
                        "{\"items\":[{\"version\":\"3\"}],\"nextCursor\":\"c\"}")
                .respond("GET", "/api/v1/projects/payments/releases?limit=1&cursor=c", 200,
                        "{\"items\":[{\"version\":\"2\"}],\"nextCursor\":\"d\"}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory)
                .run("releases", "list", "--project", "payments", "--limit", "2", "-o", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"version\": \"3\"", "\"version\": \"2\"");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void rejectsALimitBelowOne() {
        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("releases", "list", "--project", "payments", "--limit", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--limit must be at least 1");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void createsAReleaseWithEverythingGiven() {
        server.respond("POST", "/api/v1/projects/payments/releases", 201, RELEASE);

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("releases", "create", "1.4.2",
                "--project", "payments", "--commit", COMMIT, "--commit-time", "2025-06-01T12:00:00+02:00",
                "--artifact", "app.jar=" + DIGEST.toUpperCase(), "--artifact", "sbom.json=" + DIGEST, "--author", "alice");

        assertThat(result.exitCode()).isZero();
        RecordedRequest request = server.onlyRequest();
        assertThat(request.path()).isEqualTo("/api/v1/projects/payments/releases");
        assertThat(request.body()).isEqualTo("{\"version\":\"1.4.2\",\"commitSha\":\"" + COMMIT + "\",\"commitTime\":\"2025-06-01T10:00:00Z\","
                + "\"artifacts\":[{\"name\":\"app.jar\",\"sha256\":\"" + DIGEST + "\"},{\"name\":\"sbom.json\",\"sha256\":\"" + DIGEST + "\"}],"
                + "\"author\":\"alice\"}");
        assertThat(request.header("Idempotency-Key")).isNotBlank();
        assertThat(result.out()).startsWith("Created release 1.4.2.\n");
    }

    @Test
    void sendsOnlyTheRequiredFieldsWhenNothingElseIsGiven() {
        server.respond("POST", "/api/v1/projects/payments/releases", 201, RELEASE);

        CliRunner.loggedInTo(server, configDirectory).run("releases", "create", "1.4.2", "--project", "payments", "--commit", COMMIT);

        assertThat(server.onlyRequest().body()).isEqualTo("{\"version\":\"1.4.2\",\"commitSha\":\"" + COMMIT + "\"}");
    }

    @Test
    void rejectsAMalformedArtifactBeforeCallingTheServer() {
        CliResult result = CliRunner.loggedInTo(server, configDirectory)
                .run("releases", "create", "1.4.2", "--project", "payments", "--commit", COMMIT, "--artifact", "app.jar=abc");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--artifact", "not 64 hexadecimal characters");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void rejectsACommitTimeThatIsNotRfc3339() {
        CliResult result = CliRunner.loggedInTo(server, configDirectory)
                .run("releases", "create", "1.4.2", "--project", "payments", "--commit", COMMIT, "--commit-time", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'yesterday' is not an RFC 3339 timestamp");
    }

    @Test
    void showsOneReleaseWithItsArtifacts() {
        server.respond("GET", "/api/v1/projects/payments/releases/1.4.2%2Bbuild.7", 200, RELEASE);

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("releases", "show", "1.4.2+build.7", "--project", "payments");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                Version:      1.4.2
                Commit:       %s
                Commit time:  2025-06-01T10:00:00Z
                Author:       alice
                Created:      2025-06-01T12:00:00Z
                Created by:   ci-bot
                Artifacts:    1

                ARTIFACT  SHA-256
                app.jar   %s
                """.formatted(COMMIT, DIGEST));
    }

    @Test
    void showsTheServersJsonForOneRelease() {
        server.respond("GET", "/api/v1/projects/payments/releases/1.4.2", 200, RELEASE);

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("releases", "show", "1.4.2", "-p", "payments", "-o", "json");

        assertThat(result.out()).startsWith("{\n  \"version\": \"1.4.2\",").contains("\"sha256\": \"" + DIGEST + "\"");
    }
}
