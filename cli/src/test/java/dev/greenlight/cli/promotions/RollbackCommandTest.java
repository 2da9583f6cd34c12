package dev.greenlight.cli.promotions;

import static dev.greenlight.cli.promotions.PromotionJson.ROLLBACK_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import dev.greenlight.cli.testing.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackCommandTest {
    private static final String PROD = "/api/v1/projects/payments/environments/prod";

    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asksForTheRollbackAndPrintsItAsAccepted() {
        server.respond("POST", PROD + "/rollback", 202, PromotionJson.rollback("requested", null));

        CliResult result = cli().run("rollback", "payments", "-e", "prod", "--to", "last-good", "--reason", " checkout errors ");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        RecordedRequest request = server.onlyRequest();
        assertThat(request.body()).isEqualTo("{\"to\":\"last-good\",\"reason\":\"checkout errors\"}");
        assertThat(request.header("Idempotency-Key")).isNotBlank();
        assertThat(result.out()).isEqualTo("""
                Rollback %s of prod accepted: 2.0.0 -> 1.0.0, requested.
                Id:            %1$s
                Project:       payments
                Environment:   prod
                From:          2.0.0
                To:            1.0.0
                State:         requested
                Reason:        checkout errors
                Promotion:     -
                Automatic:     no
                Requested by:  carol
                Requested:     2025-06-02T09:00:00Z
                Completed:     -
                Failure:       -
                """.formatted(ROLLBACK_ID));
    }

    @Test
    void someoneWhoIsNotAReleaseCaptainIsToldSo() {
        server.respond("POST", PROD + "/rollback", 403, """
                {"type":"urn:greenlight:problem:forbidden","title":"Forbidden","status":403,
                 "detail":"Only a release captain of project 'payments' may roll an environment back (role 'release-captain')."}""");

        CliResult result = cli().run("rollback", "payments", "-e", "prod", "--to", "1.0.0", "--reason", "INC-42");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Forbidden (HTTP 403)", "Only a release captain of project 'payments' may roll an environment back");
    }

    @Test
    void theTargetAndTheReasonAreRequired() {
        CliResult noReason = cli().run("rollback", "payments", "-e", "prod", "--to", "1.0.0");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("Missing required option: '--reason=TEXT'");

        CliResult blankReason = cli().run("rollback", "payments", "-e", "prod", "--to", "1.0.0", "--reason", "  ");
        assertThat(blankReason.exitCode()).isEqualTo(2);
        assertThat(blankReason.err()).contains("--reason says why");

        CliResult noTarget = cli().run("rollback", "payments", "-e", "prod", "--reason", "INC-42");
        assertThat(noTarget.exitCode()).isEqualTo(2);
        assertThat(noTarget.err()).contains("Missing required option: '--to=VERSION|last-good'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void waitingEndsWithZeroOnceTheTargetRunsAgain() {
        server.respond("POST", PROD + "/rollback", 202, PromotionJson.rollback("requested", null));
        server.respond("GET", PROD + "/releases", 200, PromotionJson.releases("1.0.0", null));
        server.respond("GET", PROD + "/rollbacks?limit=50", 200, PromotionJson.page(PromotionJson.rollback("completed", null)));

        CliResult result = cli().run("rollback", "payments", "-e", "prod", "--to", "1.0.0", "--reason", "INC-42", "--wait", "1m");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEqualTo("Requested rollback " + ROLLBACK_ID + "; following it for at most 1m.\n"
                + "0s: completed; prod runs 1.0.0 again\n");
        assertThat(result.out()).startsWith("Rollback " + ROLLBACK_ID + " of prod: 2.0.0 -> 1.0.0, COMPLETED.\n")
                .contains("Completed:     2025-06-02T09:00:07Z\n");
    }

    @Test
    void waitingEndsWithOneWhenTheRollbackFailed() {
        server.respond("POST", PROD + "/rollback", 202, PromotionJson.rollback("requested", null));
        server.respond("GET", PROD + "/releases", 200, PromotionJson.releases("2.0.0", null));
        server.respond("GET", PROD + "/rollbacks?limit=50", 200,
                PromotionJson.page(PromotionJson.rollback("failed", "the deployer answered 500 three times")));

        CliResult result = cli().run("rollback", "payments", "-e", "prod", "--to", "1.0.0", "--reason", "INC-42", "--wait", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("0s: failed: the deployer answered 500 three times");
        assertThat(PromotionJson.parse(result.out()).path("failure").asString()).isEqualTo("the deployer answered 500 three times");
    }

    private CliRunner cli() {
        return CliRunner.loggedInTo(server, configDirectory);
    }
}
