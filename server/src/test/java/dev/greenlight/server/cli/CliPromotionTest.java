package dev.greenlight.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.testing.TestPacks;
import tools.jackson.databind.JsonNode;

/**
 * {@code greenlight promote}, {@code promotion} and {@code rollback} through the real CLI against the real server. The
 * environment's deployer is external, so the test plays the CD system itself: it reports each step through the status
 * endpoint with a developer's key, no webhook needed.
 */
class CliPromotionTest extends IntegrationTest {
    private static final Pattern REQUESTED = Pattern.compile("Requested (?:promotion|rollback) ([0-9a-f-]{36});");
    private static final long LONG_ENOUGH_SECONDS = 60;

    @TempDir
    Path configDirectory;

    private String project;
    private String captain;
    private String developer;

    @BeforeEach
    void projectWithAPassingGateAndAnExternalDeployer() {
        project = fixtures.project();
        fixtures.environment(project, "prod");
        String pack = "cli/" + Fixtures.unique("promotion");
        assertThat(admin().postBytes("/api/v1/policies", TestPacks.strict(pack, "1.0.0"), "application/yaml").status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/policies/" + pack + "/versions/1.0.0/activate", Map.of()).status()).isEqualTo(200);
        HttpResult gate = admin().put(prod() + "/gate", Map.of("pack", pack));
        assertThat(gate.status()).as(gate.toString()).isEqualTo(200);
        HttpResult deployer = admin().put(prod() + "/deployer", Map.of("kind", "external"));
        assertThat(deployer.status()).as(deployer.toString()).isEqualTo(200);
        passingRelease("1.0.0");
        passingRelease("2.0.0");
        fixtures.release(project, "3.0.0-untested");
        captain = fixtures.keyWithRole("release-captain", project);
        developer = fixtures.keyWithRole("developer", project);
    }

    @Test
    void aDirectPromotionIsFollowedUntilPromotedAndShownWithItsTransitions() throws Exception {
        StringWriter progress = new StringWriter();
        CompletableFuture<Result> promote = CompletableFuture.supplyAsync(() -> cli(captain, progress,
                "promote", project, "1.0.0", "-e", "prod", "--strategy", "direct", "--wait", "60s", "--poll-interval", "1s"));
        // The CD system reports the step once the CLI has seen it being deployed, so the wait has something to follow.
        awaitOutput(progress, "deploying, step 1 of 1 (100%)");
        String id = requestedId(progress.toString());
        reportStepDeployed(id);

        Result promoted = promote.get(LONG_ENOUGH_SECONDS, TimeUnit.SECONDS);

        assertThat(promoted.exitCode()).as(promoted.toString()).isZero();
        assertThat(promoted.err()).contains("Requested promotion " + id + "; following it for at most 1m.\n")
                .containsPattern("\\d+s: deploying, step 1 of 1 \\(100%\\)\n").containsPattern("\\d+s: promoted\n");
        assertThat(promoted.out()).startsWith("Promotion " + id + ": release 1.0.0 of " + project + " into prod, PROMOTED.\n")
                .contains("Strategy:         direct\n", "\nTransitions:\n")
                .containsPattern("\n\\d+ +\\S+ +- +awaiting-approvals +1 ")
                .containsPattern("\\n\\d+ +\\S+ +deploying +promoted +1 +\\S+ +.*\\d+\\n$");
        assertThat(admin().get(prod() + "/releases").json().get("current").asString()).isEqualTo("1.0.0");

        Result shown = cli(captain, "promotion", "show", project, id);
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).isEqualTo(promoted.out());
        Result listed = cli(developer, "promotions", "list", project, "-e", "prod");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("STATE", id, "1.0.0", "direct", "promoted", "1 of 1 (100%)");
        Result json = cli(developer, "promotion", "show", project, id, "-o", "json");
        assertThat(json.out()).contains("\"state\": \"promoted\"", "\"ledgerIndex\": ");
    }

    @Test
    void aBlockedGateRefusesThePromotionWithItsBlockers() {
        Result blocked = cli(captain, "promote", project, "3.0.0-untested", "-e", "prod", "--wait");

        assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(2);
        assertThat(blocked.out()).isEmpty();
        assertThat(blocked.err()).contains("Release blocked by its gate (HTTP 409)", "Blockers:\n",
                "  tests-pass  Fix the failing tests or quarantine them.\n", "https://example.org/runbooks/tests\n",
                "`greenlight gate " + project + " 3.0.0-untested -e prod`");
        assertThat(admin().get("/api/v1/projects/" + project + "/promotions").json().get("items").size()).isZero();

        Result developerPromotes = cli(developer, "promote", project, "1.0.0", "-e", "prod");
        assertThat(developerPromotes.exitCode()).isEqualTo(2);
        assertThat(developerPromotes.err()).contains("(HTTP 403)", "promotions:request");
    }

    @Test
    void aReleaseCaptainRollsBackToTheLastGoodReleaseAndADeveloperMayNot() throws Exception {
        promoteThroughTheApi("1.0.0");
        promoteThroughTheApi("2.0.0");

        Result refused = cli(developer, "rollback", project, "-e", "prod", "--to", "last-good", "--reason", "checkout errors");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("(HTTP 403)", "You need the permission 'releases:rollback' for this.",
                "The API key is valid but lacks the permission this command needs.");

        Result neverThere = cli(captain, "rollback", project, "-e", "prod", "--to", "3.0.0-untested", "--reason", "checkout errors");
        assertThat(neverThere.exitCode()).isEqualTo(2);
        assertThat(neverThere.err()).contains("(HTTP 409)", "was never promoted successfully into 'prod'");

        StringWriter progress = new StringWriter();
        CompletableFuture<Result> rollback = CompletableFuture.supplyAsync(() -> cli(captain, progress,
                "rollback", project, "-e", "prod", "--to", "last-good", "--reason", "checkout errors after 2.0.0", "--wait", "60s",
                "--poll-interval", "1s"));
        awaitOutput(progress, "requested; prod runs 2.0.0");
        String id = requestedId(progress.toString());
        HttpResult reported = api.as(developer).post("/api/v1/rollbacks/" + id + "/status", Map.of("state", "completed"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);

        Result restored = rollback.get(LONG_ENOUGH_SECONDS, TimeUnit.SECONDS);

        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.err()).containsPattern("\\d+s: completed; prod runs 1.0.0 again\n");
        assertThat(restored.out()).startsWith("Rollback " + id + " of prod: 2.0.0 -> 1.0.0, COMPLETED.\n")
                .contains("Reason:        checkout errors after 2.0.0\n", "Automatic:     no\n");
        assertThat(admin().get(prod() + "/releases").json().get("current").asString()).isEqualTo("1.0.0");

        Result accepted = cli(captain, "rollback", project, "-e", "prod", "--to", "2.0.0", "--reason", "it was fine after all");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(accepted.out()).contains(" of prod accepted: 1.0.0 -> 2.0.0, requested.\n");
    }

    private void passingRelease(String version) {
        fixtures.release(project, version);
        HttpResult evidence = admin().postBytes("/api/v1/projects/" + project + "/releases/" + version + "/evidence?name=TEST-Cart.xml",
                TestPacks.junit(0), "application/xml");
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
    }

    /** A direct promotion the test's CD system reports as deployed, awaited until promoted. */
    private void promoteThroughTheApi(String version) throws InterruptedException {
        HttpResult started = api.as(captain).post("/api/v1/projects/" + project + "/promotions",
                Map.of("release", version, "environment", "prod", "strategy", "direct"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.json().get("id").asString();
        awaitState(id, "deploying");
        reportStepDeployed(id);
        awaitState(id, "promoted");
    }

    private void reportStepDeployed(String id) {
        HttpResult reported = api.as(developer).post("/api/v1/promotions/" + id + "/status", Map.of("step", 1, "state", "deployed"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
    }

    private void awaitState(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LONG_ENOUGH_SECONDS);
        JsonNode promotion = admin().get("/api/v1/projects/" + project + "/promotions/" + id).json();
        while (!promotion.get("state").asString().equals(state)) {
            assertThat(System.nanoTime()).as("promotion " + id + " reached " + state + "; it is " + promotion).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
            promotion = admin().get("/api/v1/projects/" + project + "/promotions/" + id).json();
        }
    }

    private String prod() {
        return "/api/v1/projects/" + project + "/environments/prod";
    }

    private static String requestedId(String progress) {
        Matcher matcher = REQUESTED.matcher(progress);
        assertThat(matcher.find()).as(progress).isTrue();
        return matcher.group(1);
    }

    /** Waits, polling, until the text has appeared in what a running command has written so far. */
    private static void awaitOutput(StringWriter written, String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LONG_ENOUGH_SECONDS);
        while (!written.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the command never wrote '" + text + "': " + written);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private Result cli(String apiKey, String... args) {
        return cli(apiKey, new StringWriter(), args);
    }

    /** Runs as the key's owner, logged in through the environment the way CI is. */
    private Result cli(String apiKey, StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        Map<String, String> environment = Map.of("GREENLIGHT_CONFIG_DIR", configDirectory.toString(),
                "GREENLIGHT_SERVER", api.baseUrl(), "GREENLIGHT_API_KEY", apiKey);
        int exitCode = GreenlightCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment,
                new ByteArrayInputStream(new byte[0]));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
