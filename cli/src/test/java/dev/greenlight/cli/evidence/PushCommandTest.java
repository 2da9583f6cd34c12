package dev.greenlight.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import dev.greenlight.cli.testing.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushCommandTest {
    private static final String EVIDENCE = "/api/v1/projects/payments/releases/1.4.2/evidence";
    private static final String SHA256 = "4f1c2f7a1e0a8c3d9b6e5f4a3c2b1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c";
    private static final String JUNIT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="com.example.CartTest" tests="2">
              <testcase classname="com.example.CartTest" name="adds"/>
              <testcase classname="com.example.CartTest" name="removes"><failure message="no"/></testcase>
            </testsuite>
            """;
    private static final String TRIVY = "{\"SchemaVersion\": 2, \"ArtifactName\": \"cart\", \"Results\": []}";
    private static final String MALFORMED = """
            {"type":"urn:greenlight:problem:malformed-evidence","title":"Malformed evidence","status":422,
             "detail":"The file is not valid junit at line 3, column 2: unexpected end","format":"junit","location":"line 3, column 2",
             "traceId":"t-422"}""";

    @TempDir
    private Path configDirectory;

    @TempDir
    private Path workingDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(workingDirectory.resolve("build"));
        Files.writeString(workingDirectory.resolve("build/TEST-Cart.xml"), JUNIT);
        Files.writeString(workingDirectory.resolve("build/trivy.json"), TRIVY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pushesEveryFileWithItsNameContentTypeAndOwnIdempotencyKey() {
        server.respond("POST", EVIDENCE + "?name=TEST-Cart.xml", 201, evidence("junit", "{\"total\":2,\"failed\":1}", 42))
                .respond("POST", EVIDENCE + "?name=trivy.json", 200, evidence("trivy", "{\"total\":0,\"bySeverity\":{}}", 17));

        CliResult result = push("payments", "1.4.2", "build/*");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("""
                added     junit      build/TEST-Cart.xml  2 tests, 1 failed                       sha256:4f1c2f7a1e0a  ledger #42
                existing  trivy      build/trivy.json     no vulnerabilities                      sha256:4f1c2f7a1e0a  ledger #17
                2 files: 1 added, 1 existing, 0 rejected
                """);
        assertThat(result.err()).isEmpty();
        RecordedRequest junit = server.requests().get(0);
        RecordedRequest trivy = server.requests().get(1);
        assertThat(junit.header("Content-Type")).isEqualTo("application/xml");
        assertThat(junit.body()).isEqualTo(JUNIT);
        assertThat(junit.header("Content-Length")).isEqualTo(Integer.toString(JUNIT.getBytes(StandardCharsets.UTF_8).length));
        assertThat(trivy.header("Content-Type")).isEqualTo("application/json");
        assertThat(trivy.body()).isEqualTo(TRIVY);
        assertThat(junit.header("Idempotency-Key")).isNotBlank().isNotEqualTo(trivy.header("Idempotency-Key"));
        assertThat(junit.header("Authorization")).isEqualTo("Bearer " + CliRunner.API_KEY);
    }

    @Test
    void aRejectedFileDoesNotStopTheOthersButFailsThePush() throws IOException {
        Files.writeString(workingDirectory.resolve("build/TEST-Broken.xml"), "<testsuite>\n<testcase>\n</testsuite>\n");
        server.respond("POST", EVIDENCE + "?name=TEST-Broken.xml", 422, MALFORMED)
                .respond("POST", EVIDENCE + "?name=TEST-Cart.xml", 201, evidence("junit", "{\"total\":2,\"failed\":1}", 42));

        CliResult result = push("payments", "1.4.2", "build/**/*.xml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEqualTo("""
                rejected  junit      build/TEST-Broken.xml  malformed-evidence: The file is not valid junit at line 3, column 2: unexpected end
                added     junit      build/TEST-Cart.xml    2 tests, 1 failed                       sha256:4f1c2f7a1e0a  ledger #42
                2 files: 1 added, 0 existing, 1 rejected
                """);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aPatternThatMatchesNothingIsReportedAndFailsThePush() {
        server.respond("POST", EVIDENCE + "?name=trivy.json", 201, evidence("trivy", "{\"total\":0}", 3));

        CliResult result = push("payments", "1.4.2", "build/*.sarif", "build/trivy.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).startsWith("missing   -          build/*.sarif     no file matches this pattern\n")
                .endsWith("2 files: 1 added, 0 existing, 0 rejected, 1 missing\n");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aReleaseThatDoesNotExistStopsThePushAtTheFirstFile() {
        server.respond("POST", EVIDENCE + "?name=TEST-Cart.xml", 404,
                "{\"type\":\"urn:greenlight:problem:not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"Release 1.4.2 not found.\"}");

        CliResult result = push("payments", "1.4.2", "build/*");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                Error: The server rejected the request: Not found (HTTP 404)
                Release 1.4.2 not found.
                """);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aStopAfterSomeFilesSaysHowFarItGot() {
        server.respond("POST", EVIDENCE + "?name=TEST-Cart.xml", 201, evidence("junit", "{\"total\":2,\"failed\":1}", 42))
                .respond("POST", EVIDENCE + "?name=trivy.json", 403,
                        "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Missing permission evidence:upload.\"}");

        CliResult result = push("payments", "1.4.2", "build/*");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).endsWith("ledger #42\nStopped after 1 of 2 files: 1 added, 0 existing, 0 rejected.\n");
        assertThat(result.err()).startsWith("Error: The server rejected the request: Forbidden (HTTP 403)\n");
    }

    @Test
    void aServerFailureIsRetriedWithTheSameIdempotencyKey() {
        server.respond("POST", EVIDENCE + "?name=trivy.json", 503,
                        "{\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"Starting.\"}")
                .respond("POST", EVIDENCE + "?name=trivy.json", 201, evidence("trivy", "{\"total\":0}", 3));

        CliResult result = push("payments", "1.4.2", "build/trivy.json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).header("Idempotency-Key")).isEqualTo(server.requests().get(0).header("Idempotency-Key"));
        assertThat(server.requests().get(1).body()).isEqualTo(TRIVY);
        assertThat(result.err()).isEqualTo(
                "Retrying build/trivy.json in 10 ms (attempt 2 of 3): The server failed: Service unavailable (HTTP 503)\n");
    }

    @Test
    void aDroppedConnectionIsRetriedWithTheSameIdempotencyKey() {
        server.dropNextConnections(1).respond("POST", EVIDENCE + "?name=trivy.json", 201, evidence("trivy", "{\"total\":0}", 3));

        CliResult result = push("payments", "1.4.2", "build/trivy.json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).header("Idempotency-Key")).isEqualTo(server.requests().get(0).header("Idempotency-Key"));
        assertThat(result.err()).startsWith("Retrying build/trivy.json in 10 ms (attempt 2 of 3): Could not reach the Greenlight server");
    }

    @Test
    void givesUpAfterTwoRetries() {
        server.respond("POST", EVIDENCE + "?name=trivy.json", 500, "{\"title\":\"Internal server error\",\"status\":500}");

        CliResult result = push("payments", "1.4.2", "build/trivy.json", "build/TEST-Cart.xml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(server.requests()).hasSize(3).allMatch(request -> request.target().equals(EVIDENCE + "?name=trivy.json"));
        assertThat(result.err()).contains("attempt 2 of 3", "attempt 3 of 3", "Error: The server failed: Internal server error (HTTP 500)");
    }

    @Test
    void aRejectionIsNeverRetried() {
        server.respond("POST", EVIDENCE + "?name=trivy.json", 415,
                "{\"type\":\"urn:greenlight:problem:unknown-evidence-format\",\"title\":\"Unknown evidence format\",\"status\":415}");

        CliResult result = push("payments", "1.4.2", "build/trivy.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(server.requests()).hasSize(1);
        assertThat(result.out()).contains("rejected  trivy      build/trivy.json  unknown-evidence-format\n");
    }

    @Test
    void aFileTheCliDoesNotRecogniseIsStillSentForTheServerToDecide() throws IOException {
        Files.writeString(workingDirectory.resolve("notes.txt"), "just some words\n");
        server.respond("POST", EVIDENCE + "?name=notes.txt", 415,
                "{\"type\":\"urn:greenlight:problem:unknown-evidence-format\",\"title\":\"Unknown evidence format\",\"status\":415,"
                        + "\"detail\":\"The content is none of the formats Greenlight reads.\"}");

        CliResult result = push("payments", "1.4.2", "notes.txt");

        assertThat(server.onlyRequest().header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(result.out()).startsWith(
                "rejected  ?          notes.txt  unknown-evidence-format: The content is none of the formats Greenlight reads.\n");
    }

    @Test
    void aForcedTypeIsSentWithEveryFile() {
        server.respond("POST", EVIDENCE + "?name=TEST-Cart.xml&type=junit", 201, evidence("junit", "{\"total\":2,\"failed\":1}", 42));

        CliResult result = push("payments", "1.4.2", "build/TEST-Cart.xml", "--type", "JUnit");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(server.onlyRequest().target()).isEqualTo(EVIDENCE + "?name=TEST-Cart.xml&type=junit");
    }

    @Test
    void anUnknownForcedTypeIsAUsageError() {
        CliResult result = push("payments", "1.4.2", "build/TEST-Cart.xml", "--type", "word");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'word' is not an evidence type; the types are junit, jacoco,", "in-toto.");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void jsonListsEveryFileWithTheServersEvidenceOrProblem() throws IOException {
        Files.writeString(workingDirectory.resolve("build/TEST-Broken.xml"), "<testsuite>\n<testcase>\n</testsuite>\n");
        server.respond("POST", EVIDENCE + "?name=TEST-Broken.xml", 422, MALFORMED)
                .respond("POST", EVIDENCE + "?name=TEST-Cart.xml", 201, evidence("junit", "{\"total\":2,\"failed\":1}", 42));

        CliResult result = push("payments", "1.4.2", "build/TEST-*.xml", "missing.json", "-o", "json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).startsWith("[\n  {\n    \"file\": \"build/TEST-Broken.xml\",\n    \"result\": \"rejected\",")
                .contains("\"detectedType\": \"junit\"", "\"format\": \"junit\"", "\"location\": \"line 3, column 2\"", "\"traceId\": \"t-422\"")
                .contains("\"result\": \"added\"", "\"ledgerIndex\": 42", "\"sha256\": \"" + SHA256 + "\"")
                .contains("\"file\": \"missing.json\",\n    \"result\": \"missing\",\n    \"reason\": \"no such file\"")
                .doesNotContain("files:");
    }

    @Test
    void aLargeFileShowsItsProgressOnStandardError() throws IOException {
        Path big = workingDirectory.resolve("big-trivy.json");
        String head = "{\"SchemaVersion\": 2, \"ArtifactName\": \"cart\", \"Results\": [], \"Padding\": \"";
        Files.writeString(big, head + "x".repeat(9 * 1024 * 1024) + "\"}");
        server.respond("POST", EVIDENCE + "?name=big-trivy.json", 201, evidence("trivy", "{\"total\":0}", 5));

        CliResult result = push("payments", "1.4.2", "big-trivy.json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEqualTo("""
                Uploading big-trivy.json (trivy): 25% (2.3 of 9.0 MiB)
                Uploading big-trivy.json (trivy): 50% (4.5 of 9.0 MiB)
                Uploading big-trivy.json (trivy): 75% (6.8 of 9.0 MiB)
                Uploading big-trivy.json (trivy): 100% (9.0 of 9.0 MiB)
                """);
        assertThat(result.out()).startsWith("added     trivy").endsWith("1 file: 1 added, 0 existing, 0 rejected\n");
        assertThat(server.onlyRequest().body()).hasSize((int) Files.size(big));
    }

    private CliResult push(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "push";
        System.arraycopy(args, 0, command, 1, args.length);
        return CliRunner.loggedInTo(server, configDirectory).workingDirectory(workingDirectory).run(command);
    }

    private static String evidence(String type, String summary, long ledgerIndex) {
        return """
                {"id":"0190a1b2-0000-7000-8000-000000000001","release":"1.4.2","type":"%s","mediaType":"application/xml",
                 "fileName":"x","sha256":"%s","size":12,"summary":%s,"ledgerIndex":%d,"uploadedBy":"ci",
                 "uploadedAt":"2025-06-01T12:00:00Z"}""".formatted(type, SHA256, summary, ledgerIndex);
    }
}
