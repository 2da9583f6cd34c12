package dev.greenlight.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
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
 * {@code greenlight gate} and {@code greenlight decision} through the real CLI against the real server: a checklist
 * that explains the verdict, exit codes a pipeline can branch on, waiting for evidence to arrive, and a recorded
 * decision that replays identically.
 */
class CliGateTest extends IntegrationTest {
    private static final Pattern DECISION_ID = Pattern.compile("Id: +([0-9a-f-]{36})");

    @TempDir
    Path configDirectory;

    private Map<String, String> environment;

    @BeforeEach
    void logIn() {
        environment = Map.of("GREENLIGHT_CONFIG_DIR", configDirectory.toString());
        Result login = cli("login", "--server", api.baseUrl(), "--api-key-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
    }

    @Test
    void releaseWithoutEvidenceUnderTheBaselineIsBlockedWithEveryRuleLackingEvidence() {
        String project = projectWithRelease();

        Result gate = cli("gate", project, "1.0.0", "--environment", "prod");

        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(1);
        assertThat(gate.out()).startsWith("Release 1.0.0 of " + project + " for prod: BLOCKED, score 0/100, pack greenlight/baseline@")
                .contains("\nBlockers:\n");
        JsonNode report = readiness(project);
        assertThat(report.get("rules").size()).isPositive();
        for (JsonNode rule : report.get("rules").values()) {
            assertThat(rule.get("outcome").asString()).isEqualTo("missing-evidence");
            assertThat(gate.out()).containsPattern("\n  \\? " + Pattern.quote(rule.get("id").asString()) + " .*  missing evidence: \\S");
        }
        assertThat(report.get("blockers").size()).isPositive();
        for (JsonNode blocker : report.get("blockers").values()) {
            assertThat(gate.out()).containsPattern("\n  " + Pattern.quote(blocker.get("rule").asString()) + " +"
                    + Pattern.quote(oneLine(blocker.get("remediation").asString())));
        }
    }

    @Test
    void passingTestsUnderAnEasyPackMakeTheReleaseReady() {
        String project = projectWithRelease();
        gateUses(project, activePack("1.0.0"));
        uploadJunit(project, 0);

        Result gate = cli("gate", project, "1.0.0", "-e", "prod");
        assertThat(gate.exitCode()).as(gate.toString()).isZero();
        assertThat(gate.out()).contains(": READY, score 75/100, pack cli/")
                .containsPattern("\n  \\+ tests-pass +Tests pass\n")
                .containsPattern("\n  \\? has-sbom +An SBOM is present +missing evidence: sbom\n")
                .doesNotContain("Blockers:");

        Map<String, String> utf8 = new HashMap<>(environment);
        utf8.put("LANG", "C.UTF-8");
        Result unicode = cli(utf8, "gate", project, "1.0.0", "-e", "prod");
        assertThat(unicode.out()).contains("  ✓ tests-pass");

        Result json = cli("gate", project, "1.0.0", "-e", "prod", "--output", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"verdict\": \"ready\"", "\"factsDigest\"");
    }

    @Test
    void failingRulesShowTheValuesTheyLookedAtAndTheRemediationLink() {
        String project = projectWithRelease();
        gateUses(project, activePack("1.0.0"));
        uploadJunit(project, 2);

        Result gate = cli("gate", project, "1.0.0", "-e", "prod");
        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(1);
        assertThat(gate.out()).containsPattern("\n  x tests-pass +Tests pass +.*tests\\.failed=2")
                .contains("params.maxFailed=0")
                .contains("tests-pass  Fix the failing tests or quarantine them.\n", "https://example.org/runbooks/tests\n");
    }

    @Test
    void waitingBecomesReadyWhenTheEvidenceArrives() throws Exception {
        String project = projectWithRelease();
        gateUses(project, activePack("1.0.0"));
        StringWriter progress = new StringWriter();
        // The evidence arrives once the command has seen the release blocked, so the wait has something to wait for.
        CompletableFuture<Void> evidenceLater = CompletableFuture.runAsync(() -> {
            awaitOutput(progress, "Check 1: BLOCKED");
            uploadJunit(project, 0);
        });

        Result gate = cli(environment, progress, "gate", project, "1.0.0", "-e", "prod", "--wait", "30s", "--interval", "1s");

        evidenceLater.get(10, TimeUnit.SECONDS);
        assertThat(gate.exitCode()).as(gate.toString()).isZero();
        assertThat(gate.out()).contains(": READY, ").doesNotContain("Check ");
        assertThat(gate.err()).contains("Check 1: BLOCKED, score 0, 1 blocker; next check in 1s, ").containsPattern("Check \\d+: READY\\.");
    }

    @Test
    void waitingRunsOutOnABlockedReleaseAndExitsOne() {
        String project = projectWithRelease();
        gateUses(project, activePack("1.0.0"));

        long started = System.nanoTime();
        Result gate = cli("gate", project, "1.0.0", "-e", "prod", "--wait", "2s", "--interval", "1s");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(1);
        assertThat(tookMillis).isBetween(1_900L, 15_000L);
        assertThat(gate.out()).contains(": BLOCKED, ", "\nBlockers:\n", "tests-pass  Fix the failing tests");
        assertThat(gate.err()).contains("Check 1: BLOCKED").contains("still not ready after 2s.");
    }

    @Test
    void unknownEnvironmentIsAnErrorWithTheServersProblem() {
        String project = projectWithRelease();

        Result gate = cli("gate", project, "1.0.0", "--environment", "nowhere");

        assertThat(gate.exitCode()).isEqualTo(2);
        assertThat(gate.out()).isEmpty();
        assertThat(gate.err()).contains("(HTTP 404)", "Project '" + project + "' has no environment 'nowhere'.");
        assertThat(gate.out() + gate.err()).doesNotContain(bootstrapKey());

        Result badWait = cli("gate", project, "1.0.0", "-e", "prod", "--wait", "soon");
        assertThat(badWait.exitCode()).isEqualTo(2);
        assertThat(badWait.err()).contains("--wait", "90s");
        assertThat(cli("decision", "record", project, "1.0.0", "-e", "nowhere").exitCode()).isEqualTo(2);
    }

    @Test
    void recordedDecisionReplaysIdenticallyAndShowsWhatTodaysPackWouldChange() {
        String project = projectWithRelease();
        String pack = activePack("1.0.0");
        gateUses(project, pack);
        uploadJunit(project, 0);

        Result recorded = cli("decision", "record", project, "1.0.0", "--environment", "prod");
        assertThat(recorded.exitCode()).as(recorded.toString()).isZero();
        assertThat(recorded.out()).contains("Recorded decision ", ": READY.", "Verdict:  ", "ready", "Score:", "75",
                "Pack:", pack + "@1.0.0", "Inputs digest:", "Ledger index:");
        String id = decisionId(recorded.out());

        Result replayed = cli("decision", "replay", id);
        assertThat(replayed.exitCode()).as(replayed.toString()).isZero();
        assertThat(replayed.out()).contains("Replay of decision " + id + ": reproduced.", "Inputs intact:  yes",
                "Recorded pack:  " + pack + "@1.0.0: identical", "Today's pack:   " + pack + "@1.0.0 (unchanged): identical");

        assertThat(upload(pack, "2.0.0").status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/policies/" + pack + "/versions/2.0.0/activate", Map.of()).status()).isEqualTo(200);
        Result withNewPack = cli("decision", "replay", id);
        assertThat(withNewPack.exitCode()).as("today's pack is information, not the replay's verdict").isZero();
        assertThat(withNewPack.out()).contains("identical", "Today's pack:   " + pack + "@2.0.0: ", "Differences with today's pack:")
                .containsPattern("\n  verdict +ready -> blocked\n")
                .containsPattern("\n  rules\\.no-critical +- -> missing-evidence\n");

        Result json = cli("decision", "replay", id, "-o", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"inputsIntact\": true", "\"identical\": true");

        Result blocked = cli("decision", "record", projectWithRelease(), "1.0.0", "-e", "prod");
        assertThat(blocked.exitCode()).as("a blocked verdict is recorded too, and recording it succeeded").isZero();
        assertThat(blocked.out()).contains(": BLOCKED.");

        Result unknown = cli("decision", "replay", "01890a5d-ac96-774b-bcce-b302099a8057");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("(HTTP 404)");
    }

    private String projectWithRelease() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, "1.0.0");
        return project;
    }

    /** A pack of this test's own, uploaded and active in {@code version}: passes with green tests, no SBOM needed. */
    private String activePack(String version) {
        String id = "cli/" + Fixtures.unique("strict");
        HttpResult uploaded = upload(id, version);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        HttpResult activated = admin().post("/api/v1/policies/" + id + "/versions/" + version + "/activate", Map.of());
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return id;
    }

    private HttpResult upload(String id, String version) {
        return admin().postBytes("/api/v1/policies", TestPacks.strict(id, version), "application/yaml");
    }

    private void gateUses(String project, String pack) {
        HttpResult changed = admin().put("/api/v1/projects/" + project + "/environments/prod/gate",
                Map.of("pack", pack, "parameters", Map.of("maxFailed", 0)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private void uploadJunit(String project, int failed) {
        HttpResult uploaded = admin().postBytes("/api/v1/projects/" + project + "/releases/1.0.0/evidence?name=TEST-Cart.xml",
                TestPacks.junit(failed), "application/xml");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }

    private JsonNode readiness(String project) {
        HttpResult report = admin().get("/api/v1/projects/" + project + "/releases/1.0.0/readiness?environment=prod");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json();
    }

    private static String decisionId(String output) {
        Matcher matcher = DECISION_ID.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }

    /** How the checklist prints a remediation that spans lines in the pack's YAML. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private Result cli(String... args) {
        return cli(environment, args);
    }

    private Result cli(Map<String, String> env, String... args) {
        return cli(env, new StringWriter(), args);
    }

    /** The bootstrap key on standard input serves {@code login --api-key-stdin}; other commands do not read it. */
    private Result cli(Map<String, String> env, StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        int exitCode = GreenlightCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env,
                new ByteArrayInputStream((bootstrapKey() + "\n").getBytes(StandardCharsets.UTF_8)));
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Waits, polling, until the text has appeared in what a running command has written so far (10 s at most). */
    private static void awaitOutput(StringWriter written, String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!written.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the command never wrote '" + text + "': " + written);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private record Result(int exitCode, String out, String err) {
    }
}
