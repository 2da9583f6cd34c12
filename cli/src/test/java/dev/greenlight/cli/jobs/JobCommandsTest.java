package dev.greenlight.cli.jobs;

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

class JobCommandsTest {
    private static final String ID = "01890a5d-ac96-774b-bcce-b302099a8057";
    private static final String LETTER = """
            {"id":"%s","kind":"promotion.advance","key":"p-42","priority":"critical","attempts":8,
             "lastError":"java.net.ConnectException: Connection refused","firstEnqueuedAt":"2025-06-01T12:00:00Z",
             "failedAt":"2025-06-01T12:09:10Z","replayedAt":%s,"replayedBy":%s,"replayKey":%s}""";

    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsEveryPageOfDeadLettersAsATable() {
        server.respond("GET", "/api/v1/jobs/dead-letters", 200,
                        "{\"items\":[" + LETTER.formatted(ID, "null", "null", "null") + "],\"nextCursor\":\"p2\"}")
                .respond("GET", "/api/v1/jobs/dead-letters?cursor=p2", 200, "{\"items\":[" + LETTER.formatted("01890a5d-0000-7000-8000-000000000001",
                        "\"2025-06-02T08:00:00Z\"", "\"admin\"", "\"p-41#replay-x\"").replace("p-42", "p-41") + "],\"nextCursor\":null}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("jobs", "dead-letters");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                ID                                    KIND               KEY   ATTEMPTS  FAILED                REPLAYED              ERROR
                01890a5d-ac96-774b-bcce-b302099a8057  promotion.advance  p-42  8         2025-06-01T12:09:10Z  -                     java.net.ConnectException: Connection refused
                01890a5d-0000-7000-8000-000000000001  promotion.advance  p-41  8         2025-06-01T12:09:10Z  2025-06-02T08:00:00Z  java.net.ConnectException: Connection refused
                """);
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + CliRunner.API_KEY);
    }

    @Test
    void saysSoWhenThereAreNoneAndPrintsJsonWhenAsked() {
        server.respond("GET", "/api/v1/jobs/dead-letters", 200, "{\"items\":[],\"nextCursor\":null}");

        assertThat(CliRunner.loggedInTo(server, configDirectory).run("jobs", "dead-letters").out()).startsWith("No dead letters");
        assertThat(CliRunner.loggedInTo(server, configDirectory).run("jobs", "dead-letters", "-o", "json").out()).isEqualTo("[]\n");
    }

    @Test
    void limitIsSentAsThePageSize() {
        server.respond("GET", "/api/v1/jobs/dead-letters?limit=1", 200,
                "{\"items\":[" + LETTER.formatted(ID, "null", "null", "null") + "],\"nextCursor\":\"more\"}");

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("jobs", "dead-letters", "--limit", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.onlyRequest().target()).isEqualTo("/api/v1/jobs/dead-letters?limit=1");
        assertThat(CliRunner.loggedInTo(server, configDirectory).run("jobs", "dead-letters", "--limit", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void replaysWithAnIdempotencyKeyAndShowsTheNewKey() {
        server.respond("POST", "/api/v1/jobs/dead-letters/" + ID + "/replay", 200,
                LETTER.formatted(ID, "\"2025-06-02T08:00:00Z\"", "\"admin\"", "\"p-42#replay-" + ID + "\""));

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("jobs", "replay", ID);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Replayed dead letter " + ID + " as job promotion.advance p-42#replay-" + ID + ".\n")
                .contains("Replayed by:").contains("admin");
        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(UUID.fromString(request.header("Idempotency-Key"))).isNotNull();
    }

    @Test
    void aSecondReplayShowsTheServersConflict() {
        server.respond("POST", "/api/v1/jobs/dead-letters/" + ID + "/replay", 409, """
                {"type":"urn:greenlight:problem:conflict","title":"Conflict","status":409,
                 "detail":"Dead letter %s was already replayed; a dead letter is replayed once.","traceId":"t1"}""".formatted(ID));

        CliResult result = CliRunner.loggedInTo(server, configDirectory).run("jobs", "replay", ID);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("HTTP 409", "already replayed");
    }
}
