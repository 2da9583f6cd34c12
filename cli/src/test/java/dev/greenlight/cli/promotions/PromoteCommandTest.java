package dev.greenlight.cli.promotions;

import static dev.greenlight.cli.promotions.PromotionJson.ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import dev.greenlight.cli.testing.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoteCommandTest {
    private static final String PROMOTIONS = "/api/v1/projects/payments/promotions";
    private static final String READINESS = "/api/v1/projects/payments/releases/2.0.0/readiness?environment=prod";

    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void requestsACanaryWithEveryOptionAndPrintsWhereItStands() {
        server.respond("POST", PROMOTIONS, 201, PromotionJson.canary("awaiting-approvals", 1, 1, null, null));

        CliResult result = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--strategy", "CANARY", "--steps", "1,5,25,100",
                "--step-interval", "5m", "--analysis-interval", "30s", "--analysis-window", "5m", "--max-wait", "15m", "--min-requests", "100",
                "--max-error-rate", "0.05", "--max-error-rate-increase", "0.5", "--max-latency-increase", "0.25",
                "--override-freeze", "Hotfix for INC-42");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Idempotency-Key")).isNotBlank();
        assertThat(PromotionJson.parse(request.body())).isEqualTo(PromotionJson.parse("""
                {"release":"2.0.0","environment":"prod","strategy":"canary","steps":[1,5,25,100],"stepInterval":"PT5M",
                 "analysis":{"interval":"PT30S","window":"PT5M","maxWait":"PT15M","maxErrorRateIncrease":0.5,"maxLatencyIncrease":0.25,
                             "maxErrorRate":0.05,"minRequests":100},
                 "freezeOverride":{"reason":"Hotfix for INC-42"}}"""));
        assertThat(result.out()).startsWith("Requested promotion " + ID + ": release 2.0.0 of payments into prod, awaiting-approvals.\n")
                .contains("Steps:            1%, 5%, 25%, 100% every 5m\n", "Step:             1 of 4 (1%) since 2025-06-01T12:00:00Z\n",
                        "Analysis:         every 30s over the last 5m, waits at most 15m for a verdict; max error rate 0.05, max increase over "
                                + "the baseline: errors 0.5, latency 0.5; at least 100 requests\n",
                        "Baseline:         1.0.0\n", "Requested by:     carol\n")
                .doesNotContain("Transitions:");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void leavesWhatIsNotGivenToTheServersDefaults() {
        server.respond("POST", PROMOTIONS, 201, PromotionJson.direct("awaiting-approvals", false));

        CliResult result = cli().run("promote", "payments", "1.0.0", "--environment", "prod");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(server.onlyRequest().body()).isEqualTo("{\"release\":\"1.0.0\",\"environment\":\"prod\"}");
        assertThat(result.out()).contains("Steps:            100%\n").doesNotContain("Analysis:");
    }

    @Test
    void refusesAMalformedPlanBeforeAskingTheServer() {
        CliResult falling = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--steps", "1,50,20");
        assertThat(falling.exitCode()).isEqualTo(2);
        assertThat(falling.err()).contains("--steps must be 1 to 10 percentages that rise strictly and end with 100", "got [1, 50, 20]");

        CliResult direct = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--strategy", "direct", "--steps", "50,100");
        assertThat(direct.exitCode()).isEqualTo(2);
        assertThat(direct.err()).contains("A direct promotion has one step, 100%");

        CliResult interval = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--step-interval", "soon");
        assertThat(interval.exitCode()).isEqualTo(2);
        assertThat(interval.err()).contains("--step-interval", "'soon' is not a duration");

        CliResult blankReason = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--override-freeze", " ");
        assertThat(blankReason.exitCode()).isEqualTo(2);
        assertThat(blankReason.err()).contains("--override-freeze needs a reason");

        CliResult tooEager = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--wait", "--poll-interval", "500ms");
        assertThat(tooEager.exitCode()).isEqualTo(2);
        assertThat(tooEager.err()).contains("--poll-interval must be at least 1s");

        CliResult waitFirst = cli().run("promote", "--wait", "payments", "2.0.0", "-e", "prod");
        assertThat(waitFirst.exitCode()).isEqualTo(2);
        assertThat(waitFirst.err()).contains("put --wait after the arguments, or write --wait=DURATION");

        CliResult strategy = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--strategy", "sideways");
        assertThat(strategy.exitCode()).isEqualTo(2);
        assertThat(strategy.err()).contains("--strategy", "CANARY, DIRECT");

        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aBlockedGateIsShownWithItsBlockersAndTheirRemediation() {
        server.respond("POST", PROMOTIONS, 409, """
                {"type":"urn:greenlight:problem:gate-blocked","title":"Release blocked by its gate","status":409,
                 "detail":"The gate of 'prod' blocks release 2.0.0: 2 blocker(s) are neither fixed nor waived.","traceId":"t409",
                 "blockers":[{"rule":"tests-pass","title":"Tests pass","outcome":"fail","remediation":"Fix the failing tests."}]}""");
        server.respond("GET", READINESS, 200, """
                {"verdict":"blocked","score":40,"blockers":[
                  {"rule":"tests-pass","title":"Tests pass","outcome":"fail","remediation":"Fix the failing tests\\n  or quarantine them.",
                   "remediationLink":"https://example.org/runbooks/tests"},
                  {"rule":"has-sbom","title":"An SBOM is present","outcome":"missing-evidence","remediation":"Push an SBOM."}],
                 "freeze":null}""");

        CliResult result = cli().run("promote", "payments", "2.0.0", "-e", "prod");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                Error: The server rejected the request: Release blocked by its gate (HTTP 409)
                The gate of 'prod' blocks release 2.0.0: 2 blocker(s) are neither fixed nor waived.
                Trace ID: t409 (quote it when asking an administrator)
                Blockers:
                  tests-pass  Fix the failing tests or quarantine them.
                              https://example.org/runbooks/tests
                  has-sbom    Push an SBOM.
                See the whole checklist with `greenlight gate payments 2.0.0 -e prod`.
                """);
    }

    @Test
    void aFrozenEnvironmentIsShownWithTheFreezeAndHowToOverrideIt() {
        server.respond("POST", PROMOTIONS, 409, """
                {"type":"urn:greenlight:problem:environment-frozen","title":"Environment frozen","status":409,
                 "detail":"'prod' is frozen until 2025-06-09T07:00:00Z; a release captain may override the freeze with a reason.",
                 "freeze":{"reason":"year-end freeze","until":"2025-06-09T07:00:00Z"}}""");
        server.respond("GET", READINESS, 200, """
                {"verdict":"ready","blockers":[],"freeze":{"reason":"year-end freeze","until":"2025-06-09T07:00:00Z"}}""");

        CliResult result = cli().run("promote", "payments", "2.0.0", "-e", "prod");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Environment frozen (HTTP 409)", "Frozen: year-end freeze, until 2025-06-09T07:00:00Z.\n",
                "A release captain may promote anyway with --override-freeze REASON.");
    }

    @Test
    void aRefusalWhoseReadinessCannotBeReadIsShownAsTheServerSaidIt() {
        server.respond("POST", PROMOTIONS, 409, """
                {"type":"urn:greenlight:problem:gate-blocked","title":"Release blocked by its gate","status":409,
                 "detail":"The gate of 'prod' blocks release 2.0.0: 1 blocker(s) are neither fixed nor waived."}""");
        server.respond("GET", READINESS, 500, "{\"title\":\"Internal Server Error\",\"status\":500}");

        CliResult result = cli().run("promote", "payments", "2.0.0", "-e", "prod");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("""
                Error: The server rejected the request: Release blocked by its gate (HTTP 409)
                The gate of 'prod' blocks release 2.0.0: 1 blocker(s) are neither fixed nor waived.
                """);
    }

    @Test
    void otherRefusalsAreShownAsTheServerSaidThem() {
        server.respond("POST", PROMOTIONS, 403, """
                {"type":"urn:greenlight:problem:forbidden","title":"Forbidden","status":403,
                 "detail":"Missing permission promotions:request on project 'payments'."}""");

        CliResult result = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--wait");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Forbidden (HTTP 403)", "Missing permission promotions:request",
                "The API key is valid but lacks the permission this command needs.");
        assertThat(server.requests()).hasSize(1);
        assertThat(result.all()).doesNotContain(CliRunner.API_KEY);
    }

    @Test
    void waitingEndsWithZeroWhenThePromotionIsPromotedAndShowsItsTransitions() {
        server.respond("POST", PROMOTIONS, 201, PromotionJson.direct("awaiting-approvals", false));
        server.respond("GET", PROMOTIONS + "/" + ID, 200, PromotionJson.direct("promoted", true));

        CliResult result = cli().run("promote", "payments", "1.0.0", "-e", "prod", "--strategy", "direct", "--wait", "1m");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEqualTo("Requested promotion " + ID + "; following it for at most 1m.\n0s: promoted\n");
        assertThat(result.out()).startsWith("Promotion " + ID + ": release 1.0.0 of payments into prod, PROMOTED.\n")
                .contains("Decision:         01890a5d-0000-7000-8000-000000000001\n", "Finished:         2025-06-01T12:00:05Z\n")
                .endsWith("""

                        Transitions:
                        SEQ  AT                    FROM                TO                  STEP  ACTOR         REASON                         LEDGER
                        1    2025-06-01T12:00:00Z  -                   awaiting-approvals  1     carol         requested by carol             41
                        2    2025-06-01T12:00:01Z  awaiting-approvals  deploying           1     system        the gate is ready              42
                        3    2025-06-01T12:00:05Z  deploying           promoted            1     deployer-bot  step 1 deployed: argo sync 42  43
                        """);
    }

    @Test
    void waitingEndsWithOneWhenThePromotionIsRolledBack() {
        server.respond("POST", PROMOTIONS, 201, PromotionJson.canary("awaiting-approvals", 1, 1, null, null));
        server.respond("GET", PROMOTIONS + "/" + ID, 200, PromotionJson.canary("rolled-back", 3, 25, "fail", "2025-06-01T12:40:00Z"));

        CliResult result = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("following it until it ends.", "0s: rolled-back, step 3 of 4 (25%), last analysis fail");
        assertThat(result.out()).contains(", ROLLED-BACK.\n", "Last analysis:    fail: error rate 0.40 above 0.05\n");
    }

    @Test
    void waitingThatRunsOutEndsWithOneAndTheJsonOfThePromotionAsLastSeen() {
        server.respond("POST", PROMOTIONS, 201, PromotionJson.canary("awaiting-approvals", 1, 1, null, null));
        server.respond("GET", PROMOTIONS + "/" + ID, 200, PromotionJson.canary("analysing", 1, 1, "inconclusive", null));

        CliResult result = cli().run("promote", "payments", "2.0.0", "-e", "prod", "--wait=1s", "--poll-interval", "1s", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("Still analysing, step 1 of 4 (1%), last analysis inconclusive after 1s; the promotion goes on");
        assertThat(PromotionJson.parse(result.out()).path("state").asString()).isEqualTo("analysing");
        assertThat(server.requests()).extracting(RecordedRequest::method).containsExactly("POST", "GET", "GET");
    }

    private CliRunner cli() {
        return CliRunner.loggedInTo(server, configDirectory);
    }
}
