package dev.greenlight.cli.promotions;

import static dev.greenlight.cli.promotions.PromotionJson.ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.cli.testing.FakeGreenlightServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionCommandsTest {
    private static final String PROMOTIONS = "/api/v1/projects/payments/promotions";

    @TempDir
    private Path configDirectory;

    private final FakeGreenlightServer server = FakeGreenlightServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void showsAPromotionWithItsPlanAndTransitions() {
        server.respond("GET", PROMOTIONS + "/" + ID, 200, PromotionJson.direct("promoted", true));

        CliResult result = cli().run("promotion", "show", "payments", ID);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("""
                Promotion %1$s: release 1.0.0 of payments into prod, PROMOTED.
                Id:               %1$s
                Project:          payments
                Release:          1.0.0
                Environment:      prod
                Strategy:         direct
                Steps:            100%%
                State:            promoted
                Step:             1 of 1 (100%%)
                Baseline:         -
                Last analysis:    -
                Decision:         01890a5d-0000-7000-8000-000000000001
                Freeze override:  -
                Requested by:     carol
                Created:          2025-06-01T12:00:00Z
                Updated:          2025-06-01T12:00:05Z
                Finished:         2025-06-01T12:00:05Z

                Transitions:
                SEQ  AT                    FROM                TO                  STEP  ACTOR         REASON                         LEDGER
                1    2025-06-01T12:00:00Z  -                   awaiting-approvals  1     carol         requested by carol             41
                2    2025-06-01T12:00:01Z  awaiting-approvals  deploying           1     system        the gate is ready              42
                3    2025-06-01T12:00:05Z  deploying           promoted            1     deployer-bot  step 1 deployed: argo sync 42  43
                """.formatted(ID));
    }

    @Test
    void showExitsZeroWhateverTheStateAndPrintsTheServersJsonOnRequest() {
        server.respond("GET", PROMOTIONS + "/" + ID, 200, PromotionJson.canary("rolled-back", 3, 25, "fail", "2025-06-01T12:40:00Z"));

        CliResult result = cli().run("promotions", "show", "payments", ID, "--output", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"state\": \"rolled-back\"", "\"outcome\": \"fail\"");
    }

    @Test
    void anUnknownPromotionIsAnError() {
        server.respond("GET", PROMOTIONS + "/nope", 404, "{\"type\":\"urn:greenlight:problem:not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"No such promotion.\"}");

        CliResult result = cli().run("promotion", "show", "payments", "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Not found (HTTP 404)", "No such promotion.");
    }

    @Test
    void listsAProjectsPromotionsIntoOneEnvironment() {
        server.respond("GET", PROMOTIONS + "?environment=prod&limit=5", 200, PromotionJson.page(
                PromotionJson.canary("analysing", 2, 5, "pass", null), PromotionJson.direct("promoted", false)));

        CliResult result = cli().run("promotion", "list", "payments", "-e", "prod", "--limit", "5");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("""
                ID                                    RELEASE  ENVIRONMENT  STRATEGY  STATE      STEP           REQUESTED BY  CREATED
                %1$s  2.0.0    prod         canary    analysing  2 of 4 (5%%)    carol         2025-06-01T11:59:00Z
                %1$s  1.0.0    prod         direct    promoted   1 of 1 (100%%)  carol         2025-06-01T12:00:00Z
                """.formatted(ID));
    }

    @Test
    void saysSoWhenThereAreNoPromotions() {
        server.respond("GET", PROMOTIONS, 200, PromotionJson.page());
        server.respond("GET", PROMOTIONS + "?environment=staging", 200, PromotionJson.page());

        assertThat(cli().run("promotion", "list", "payments").out()).isEqualTo("Project payments has no promotions yet.\n");
        assertThat(cli().run("promotion", "list", "payments", "-e", "staging").out()).isEqualTo("Project payments has no promotions into staging.\n");
        CliResult badLimit = cli().run("promotion", "list", "payments", "--limit", "0");
        assertThat(badLimit.exitCode()).isEqualTo(2);
        assertThat(badLimit.err()).contains("--limit must be at least 1");
    }

    @Test
    void everyCommandHasHelpWithItsExitCodesAndTheGlobalOptions() {
        for (String[] command : new String[][] {{"promote"}, {"promotion", "show"}, {"promotion", "list"}, {"rollback"}}) {
            String[] args = Stream.concat(Arrays.stream(command), Stream.of("--help")).toArray(String[]::new);

            CliResult result = cli().run(args);

            assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(result.out()).as(String.join(" ", command)).contains("Usage: greenlight " + String.join(" ", command), "--server", "--output");
        }
        assertThat(cli().run("promote", "--help").out()).contains("--wait[=DURATION]", "--override-freeze=REASON", "Exit codes:",
                "1   With --wait: it ended rolled-back, failed or cancelled");
        assertThat(cli().run("rollback", "--help").out()).contains("--to=VERSION|last-good", "release-captain");
        assertThat(cli().run("--help").out()).contains("promote", "promotion", "rollback");
    }

    @Test
    void theGroupWithoutSubcommandListsItsSubcommands() {
        CliResult result = cli().run("promotion");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required subcommand", "show", "list");
    }

    private CliRunner cli() {
        return CliRunner.loggedInTo(server, configDirectory);
    }
}
