package dev.greenlight.server.promotions;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Promotions end to end through the API, against the test's CD system (a real HTTP server checking signatures) and
 * health metrics pushed through the API while the canary runs.
 */
class PromotionsTest extends IntegrationTest {
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);

    @Test
    void aHealthyCanaryIsPromotedStepByStepAndBecomesTheLastGoodRelease() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.baselineRunning("1.0.0", "2.0.0");

            HttpResult started = scenario.promote(scenario.captain, canary("2.0.0", List.of(1, 5, 25, 100), "1s"));
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            assertThat(started.header("Location")).endsWith("/promotions/" + started.json().get("id").asString());
            assertThat(started.json().get("baseline").asString()).isEqualTo("1.0.0");
            JsonNode promoted = scenario.awaitState(started.json().get("id").asString(), "promoted", LONG_ENOUGH);

            List<FakeCdSystem.Call> deploys = cd.calls().stream().filter(call -> call.action().equals("deploy") && call.version().equals("2.0.0")).toList();
            assertThat(deploys).extracting(FakeCdSystem.Call::percent).containsExactly(1, 5, 25, 100);
            assertThat(deploys).extracting(FakeCdSystem.Call::idempotencyKey).doesNotHaveDuplicates();
            assertThat(deploys.getFirst().body().get("release").get("artifactsDigest").asString()).hasSize(64);
            assertThat(cd.badSignatures()).isZero();
            assertThat(promoted.get("lastAnalysis").get("outcome").asString()).isEqualTo("pass");
            assertThat(promoted.get("transitions").values().stream().map(one -> one.get("to").asString()).toList())
                    .startsWith("awaiting-approvals", "deploying", "analysing", "deploying", "analysing")
                    .endsWith("analysing", "promoted");
            assertThat(promoted.get("transitions").values().stream().map(one -> one.get("ledgerIndex").asLong()).toList()).doesNotHaveDuplicates();

            JsonNode releases = scenario.environmentReleases();
            assertThat(releases.get("current").asString()).isEqualTo("2.0.0");
            assertThat(releases.get("previous").asString()).isEqualTo("1.0.0");
            assertThat(releases.get("lastGood").get("release").asString()).isEqualTo("2.0.0");
            assertThat(releases.get("lastGood").get("decision").asString()).isEqualTo(promoted.get("decision").asString());
            JsonNode decision = admin().get("/api/v1/decisions/" + promoted.get("decision").asString()).json();
            assertThat(decision.get("verdict").asString()).isEqualTo("ready");
            assertThat(scenario.ledger("promotion.promoted")).anyMatch(entry -> entry.get("entry").get("subject").get("release").asString().equals("2.0.0"));
        }
    }

    @Test
    void aCanaryThatFailsAt25PercentIsRolledBackAutomatically() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.baselineRunning("1.0.0", "2.0.0");

            String id = scenario.promote(scenario.captain, canary("2.0.0", List.of(1, 5, 25, 100), "3s")).json().get("id").asString();
            scenario.await(id, "analysis at 25 %", promotion -> promotion.get("state").asString().equals("analysing")
                    && promotion.get("step").get("percent").asInt() == 25, LONG_ENOUGH);
            scenario.traffic("2.0.0", 0.40);
            JsonNode rolledBack = scenario.awaitState(id, "rolled-back", LONG_ENOUGH);

            FakeCdSystem.Call rollback = cd.await("restore 1.0.0", call -> call.action().equals("rollback"), Duration.ofSeconds(5));
            assertThat(rollback.version()).isEqualTo("1.0.0");
            assertThat(cd.calls()).noneMatch(call -> call.action().equals("deploy") && call.version().equals("2.0.0") && call.percent() == 100);
            assertThat(rolledBack.get("step").get("percent").asInt()).isEqualTo(25);
            assertThat(rolledBack.get("transitions").values().stream().filter(one -> one.get("to").asString().equals("rolling-back")).findFirst()
                    .orElseThrow().get("reason").asString()).startsWith("canary analysis failed at 25 %");
            JsonNode releases = scenario.environmentReleases();
            assertThat(releases.get("current").asString()).isEqualTo("1.0.0");
            assertThat(releases.get("lastGood").get("release").asString()).isEqualTo("1.0.0");
            JsonNode rollbacks = admin().get(scenario.environmentPath() + "/rollbacks").json().get("items");
            assertThat(rollbacks.get(0).get("automatic").asBoolean()).isTrue();
            assertThat(rollbacks.get(0).get("state").asString()).isEqualTo("completed");
            assertThat(scenario.ledger("rollback.completed")).hasSize(1);
        }
    }

    @Test
    void aCanaryWithoutDataIsNeverPromotedAndRollsBackAfterItsLimit() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            scenario.release("2.0.0");
            scenario.traffic("1.0.0", 0.01);
            scenario.promoteDirectly("1.0.0");

            Map<String, Object> request = canary("2.0.0", List.of(10, 100), "1s");
            request.put("analysis", Map.of("interval", "1s", "window", "2s", "maxWait", "2s", "minRequests", 50));
            String id = scenario.promote(scenario.captain, request).json().get("id").asString();
            JsonNode rolledBack = scenario.awaitState(id, "rolled-back", LONG_ENOUGH);

            assertThat(rolledBack.get("lastAnalysis").get("outcome").asString()).isEqualTo("inconclusive");
            assertThat(rolledBack.get("transitions").values().stream().map(one -> one.get("to").asString()).toList()).doesNotContain("promoted");
            assertThat(cd.calls().stream().filter(call -> call.action().equals("deploy") && call.version().equals("2.0.0")).map(FakeCdSystem.Call::percent))
                    .containsExactly(10);
            assertThat(scenario.environmentReleases().get("current").asString()).isEqualTo("1.0.0");
        }
    }

    @Test
    void aFreezeBlocksUnlessAReleaseCaptainOverridesItWithAReason() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            scenario.gate(Map.of("pack", scenario.pack(), "freezeWindows",
                    List.of(Map.of("cron", "* * * * *", "duration", "PT2H", "zone", "UTC", "reason", "year-end freeze"))));
            Map<String, Object> direct = Map.of("release", "1.0.0", "environment", "prod", "strategy", "direct");

            HttpResult frozen = scenario.promote(scenario.captain, direct);
            assertProblem(frozen, 409, "environment-frozen");
            assertThat(frozen.json().get("freeze").get("reason").asString()).isEqualTo("year-end freeze");
            assertThat(admin().get("/api/v1/projects/" + scenario.project + "/promotions").json().get("items").size()).isZero();

            Map<String, Object> overridden = Map.of("release", "1.0.0", "environment", "prod", "strategy", "direct",
                    "freezeOverride", Map.of("reason", "hotfix for incident INC-7"));
            assertProblem(scenario.promote(admin(), overridden), 403, "forbidden");
            assertProblem(scenario.promote(scenario.captain, Map.of("release", "1.0.0", "environment", "prod", "freezeOverride", Map.of())),
                    400, "validation-failed");
            HttpResult started = scenario.promote(scenario.captain, overridden);
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            scenario.awaitState(started.json().get("id").asString(), "promoted", LONG_ENOUGH);
            JsonNode logged = scenario.ledger("promotion.freeze-overridden").getFirst().get("entry");
            assertThat(logged.get("subject").get("reason").asString()).isEqualTo("hotfix for incident INC-7");
            assertThat(logged.get("actor").asString()).isNotEqualTo("system");
        }
    }

    @Test
    void aPromotionWaitsForApprovalsThatItsRequesterCannotGive() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            scenario.gate(Map.of("pack", scenario.pack(), "requiredApprovals", List.of(Map.of("role", "release-captain", "count", 1))));
            String id = scenario.promote(scenario.captain, Map.of("release", "1.0.0", "environment", "prod", "strategy", "direct"))
                    .json().get("id").asString();
            // The gate was looked at and the promotion chose to wait for the approval, not to deploy.
            JsonNode waiting = scenario.await(id, "a gate check that waits for approvals", promotion -> promotion.get("lastAnalysis") != null
                    && "approvals".equals(promotion.get("lastAnalysis").path("waitingFor").asString(null)), LONG_ENOUGH);
            assertThat(waiting.get("state").asString()).isEqualTo("awaiting-approvals");
            assertThat(cd.calls()).isEmpty();

            Map<String, Object> approval = Map.of("environment", "prod", "role", "release-captain");
            assertProblem(scenario.captain.post(scenario.releasePath("1.0.0") + "/approvals", approval), 403, "forbidden");
            Api otherCaptain = api.as(fixtures.keyWithRole("release-captain", scenario.project));
            assertThat(otherCaptain.post(scenario.releasePath("1.0.0") + "/approvals", approval).status()).isEqualTo(201);
            scenario.awaitState(id, "promoted", LONG_ENOUGH);
            assertThat(cd.calls()).hasSize(1);
        }
    }

    @Test
    void aReleaseCaptainRollsBackLongAfterThePromotionAndDoraCountsIt() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            scenario.release("2.0.0");
            scenario.release("3.0.0");
            scenario.promoteDirectly("1.0.0");
            scenario.promoteDirectly("2.0.0");
            String rollback = scenario.environmentPath() + "/rollback";
            Map<String, Object> toLastGood = Map.of("to", "last-good", "reason", "checkout errors after 2.0.0");

            assertProblem(api.as(fixtures.keyWithRole("viewer", scenario.project)).post(rollback, toLastGood), 403, "forbidden");
            assertProblem(admin().post(rollback, toLastGood), 403, "forbidden");
            assertProblem(scenario.captain.post(rollback, Map.of("to", "3.0.0", "reason", "never ran there")), 409, "conflict");
            assertProblem(scenario.captain.post(rollback, Map.of("to", "last-good")), 400, "validation-failed");
            HttpResult accepted = scenario.captain.post(rollback, toLastGood);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.json().get("to").asString()).isEqualTo("1.0.0");
            assertThat(accepted.json().get("automatic").asBoolean()).isFalse();

            FakeCdSystem.Call restore = cd.await("restore 1.0.0", call -> call.action().equals("rollback"), Duration.ofSeconds(30));
            assertThat(restore.version()).isEqualTo("1.0.0");
            awaitCurrent(scenario, "1.0.0");

            JsonNode dora = admin().get("/api/v1/projects/" + scenario.project + "/dora?window=1d").json();
            assertThat(dora.get("environment").asString()).isEqualTo("prod");
            assertThat(dora.get("deployments").size()).isEqualTo(2);
            assertThat(dora.get("changeFailureRate").asDouble()).isEqualTo(0.5);
            assertThat(dora.get("failedDeployments").size()).isEqualTo(1);
            assertThat(dora.get("restores").size()).isEqualTo(1);
            assertThat(dora.get("restores").get(0).get("automatic").asBoolean()).isFalse();
            assertThat(dora.get("leadTimeCounted").size()).isEqualTo(2);
            assertThat(dora.get("leadTimeMedianSeconds").asLong()).isBetween(3600L, 3700L);
            assertProblem(admin().get("/api/v1/projects/" + scenario.project + "/dora?window=forever"), 400, "validation-failed");
        }
    }

    @Test
    void anExternalDeployerReportsItsStepsAndRepeatsAreHarmless() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            assertThat(admin().put(scenario.environmentPath() + "/deployer", Map.of("kind", "external")).status()).isEqualTo(200);
            String id = scenario.promote(scenario.captain, Map.of("release", "1.0.0", "environment", "prod", "strategy", "direct"))
                    .json().get("id").asString();
            scenario.awaitState(id, "deploying", LONG_ENOUGH);
            Api deployer = api.as(fixtures.keyWithRole("developer", scenario.project));
            String status = "/api/v1/promotions/" + id + "/status";

            assertProblem(api.as(fixtures.keyWithRole("viewer", scenario.project)).post(status, Map.of("step", 1, "state", "deployed")), 403, "forbidden");
            assertProblem(deployer.post(status, Map.of("step", 0, "state", "done")), 400, "validation-failed");
            assertProblem(deployer.post("/api/v1/promotions/" + java.util.UUID.randomUUID() + "/status", Map.of("step", 1, "state", "deployed")),
                    404, "not-found");
            HttpResult reported = deployer.post(status, Map.of("step", 1, "state", "deployed", "message", "argo sync 42"));
            assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
            assertThat(reported.json().get("state").asString()).isEqualTo("promoted");
            assertThat(deployer.post(status, Map.of("step", 1, "state", "deployed")).json().get("state").asString()).isEqualTo("promoted");
            assertThat(scenario.promotion(id).get("transitions").values().stream().filter(one -> one.get("to").asString().equals("promoted")).count())
                    .isEqualTo(1);
            assertThat(cd.calls()).isEmpty();
        }
    }

    @Test
    void aReleaseCaptainTakesARunningCanaryBackToItsBaseline() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.baselineRunning("1.0.0", "2.0.0");
            String id = scenario.promote(scenario.captain, canary("2.0.0", List.of(10, 100), "1h")).json().get("id").asString();
            scenario.awaitState(id, "analysing", LONG_ENOUGH);

            HttpResult accepted = scenario.captain.post(scenario.environmentPath() + "/rollback", Map.of("to", "last-good", "reason", "pager went off"));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.json().get("from").asString()).isEqualTo("2.0.0");
            assertThat(accepted.json().get("to").asString()).isEqualTo("1.0.0");
            assertThat(accepted.json().get("promotion").asString()).isEqualTo(id);
            JsonNode rolledBack = scenario.awaitState(id, "rolled-back", LONG_ENOUGH);
            assertThat(cd.await("restore 1.0.0", call -> call.action().equals("rollback"), Duration.ofSeconds(5)).version()).isEqualTo("1.0.0");
            assertThat(rolledBack.get("transitions").values().stream().map(one -> one.get("actor").asString()).toList())
                    .contains(scenario.captainName());
            assertThat(scenario.environmentReleases().get("current").asString()).isEqualTo("1.0.0");
            assertThat(admin().get("/api/v1/rollbacks/" + accepted.json().get("id").asString()).json().get("state").asString()).isEqualTo("completed");
        }
    }

    @Test
    void anExternalDeployerThatReportsAFailureLateTakesTheCanaryBack() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            scenario.release("2.0.0");
            scenario.promoteDirectly("1.0.0");
            assertThat(admin().put(scenario.environmentPath() + "/deployer", Map.of("kind", "external")).status()).isEqualTo(200);
            String id = scenario.promote(scenario.captain, canary("2.0.0", List.of(50, 100), "1h")).json().get("id").asString();
            scenario.awaitState(id, "deploying", LONG_ENOUGH);
            Api deployer = api.as(fixtures.keyWithRole("developer", scenario.project));
            String status = "/api/v1/promotions/" + id + "/status";

            assertThat(deployer.post(status, Map.of("step", 1, "state", "deployed")).json().get("state").asString()).isEqualTo("analysing");
            assertProblem(deployer.post(status, Map.of("step", 2, "state", "deployed")), 409, "conflict");
            HttpResult failed = deployer.post(status, Map.of("step", 1, "state", "failed", "message", "pods crash-looping"));
            assertThat(failed.json().get("state").asString()).as(failed.toString()).isEqualTo("rolling-back");
            assertThat(deployer.post(status, Map.of("step", 1, "state", "failed")).json().get("state").asString()).isEqualTo("rolling-back");

            JsonNode rollback = admin().get(scenario.environmentPath() + "/releases").json().get("rollbackInFlight");
            assertThat(rollback.get("to").asString()).isEqualTo("1.0.0");
            String done = "/api/v1/rollbacks/" + rollback.get("id").asString() + "/status";
            assertProblem(deployer.post(done, Map.of("state", "restored")), 400, "validation-failed");
            assertThat(deployer.post(done, Map.of("state", "completed")).json().get("state").asString()).isEqualTo("completed");
            assertThat(deployer.post(done, Map.of("state", "completed")).status()).isEqualTo(200);
            assertProblem(deployer.post(done, Map.of("state", "failed")), 409, "conflict");
            assertThat(scenario.promotion(id).get("state").asString()).isEqualTo("rolled-back");
            assertThat(scenario.environmentReleases().get("current").asString()).isEqualTo("1.0.0");
            assertThat(cd.calls().stream().filter(call -> call.version().equals("2.0.0"))).isEmpty();
        }
    }

    @Test
    void anExternalDeployerThatStaysSilentPastTheDeployTimeoutHasTheStepTakenBack() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            scenario.release("2.0.0");
            scenario.promoteDirectly("1.0.0");
            assertThat(admin().put(scenario.environmentPath() + "/deployer", Map.of("kind", "external")).status()).isEqualTo(200);
            Map<String, Object> request = canary("2.0.0", List.of(50, 100), "1h");
            request.put("deployTimeout", "2s");
            String id = scenario.promote(scenario.captain, request).json().get("id").asString();

            JsonNode rollingBack = scenario.awaitState(id, "rolling-back", LONG_ENOUGH);
            assertThat(rollingBack.get("deployTimeout").asString()).isEqualTo("PT2S");
            assertThat(rollingBack.get("transitions").values().stream().filter(one -> one.get("to").asString().equals("rolling-back")).findFirst()
                    .orElseThrow().get("reason").asString()).isEqualTo("the deployer reported nothing for step 1 within PT2S");
            assertThat(Duration.between(java.time.Instant.parse(rollingBack.get("createdAt").asString()),
                    java.time.Instant.parse(rollingBack.get("updatedAt").asString()))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void whatPromotionsShowIsReadOnlyByThoseWhoMayReadTheProject() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            scenario.promoteDirectly("1.0.0");
            String promotion = admin().get("/api/v1/projects/" + scenario.project + "/promotions").json().get("items").get(0).get("id").asString();
            List<String> reads = List.of(
                    "/api/v1/projects/" + scenario.project + "/promotions",
                    "/api/v1/projects/" + scenario.project + "/promotions/" + promotion,
                    scenario.environmentPath() + "/releases",
                    scenario.environmentPath() + "/rollbacks",
                    scenario.environmentPath() + "/deployer",
                    scenario.environmentPath() + "/health",
                    "/api/v1/projects/" + scenario.project + "/dora");
            Api stranger = api.as(fixtures.keyWithRole("viewer", fixtures.project()));
            Api viewer = api.as(fixtures.keyWithRole("viewer", scenario.project));
            for (String path : reads) {
                assertProblem(api.anonymous().get(path), 401, "unauthenticated");
                assertProblem(stranger.get(path), 404, "not-found");
                assertThat(viewer.get(path).status()).as(path).isEqualTo(200);
            }
            assertProblem(stranger.get("/api/v1/rollbacks/" + java.util.UUID.randomUUID()), 404, "not-found");
        }
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            HttpResult invalid = scenario.promote(scenario.captain, Map.of("release", "1.0.0", "environment", "prod", "strategy", "sideways",
                    "steps", List.of(50, 10), "stepInterval", "soon", "analysis", Map.of("maxErrorRate", 2)));
            assertProblem(invalid, 400, "validation-failed");
            assertThat(invalid.json().get("errors").values().stream().map(one -> one.get("field").asString()).toList())
                    .contains("strategy", "stepInterval", "analysis.maxErrorRate");
            assertProblem(scenario.promote(scenario.captain, Map.of("release", "9.9.9", "environment", "prod")), 400, "validation-failed");
            assertProblem(scenario.promote(scenario.captain, Map.of("release", "1.0.0", "environment", "moon")), 400, "validation-failed");
            assertProblem(scenario.promote(api.as(fixtures.keyWithRole("developer", scenario.project)), Map.of("release", "1.0.0", "environment", "prod")),
                    403, "forbidden");
            HttpResult unready = admin().post("/api/v1/projects/" + scenario.project + "/releases", Map.of("version", "1.1.0", "commitSha", "c".repeat(40)));
            assertThat(unready.status()).isEqualTo(201);
            HttpResult blocked = scenario.promote(scenario.captain, Map.of("release", "1.1.0", "environment", "prod"));
            assertProblem(blocked, 409, "gate-blocked");
            assertThat(blocked.json().get("blockers").get(0).get("rule").asString()).isEqualTo("tests-pass");
            assertThat(admin().get("/api/v1/projects/" + scenario.project + "/promotions").json().get("items").size()).isZero();

            scenario.gate(Map.of("pack", scenario.pack(), "requiredApprovals", List.of(Map.of("role", "security", "count", 1))));
            HttpResult first = scenario.promote(scenario.captain, Map.of("release", "1.0.0", "environment", "prod"));
            assertThat(first.status()).isEqualTo(201);
            assertProblem(scenario.promote(scenario.captain, Map.of("release", "1.0.0", "environment", "prod")), 409, "conflict");
            String cancel = "/api/v1/projects/" + scenario.project + "/promotions/" + first.json().get("id").asString() + "/cancel";
            assertProblem(scenario.captain.post(cancel, Map.of()), 400, "validation-failed");
            HttpResult cancelled = scenario.captain.post(cancel, Map.of("reason", "wrong day"));
            assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
            assertThat(admin().put(scenario.environmentPath() + "/deployer", Map.of("kind", "webhook", "url", "ftp://x", "secret", "short")).status())
                    .isEqualTo(400);
            assertThat(admin().get(scenario.environmentPath() + "/deployer").json().get("url").asString()).isEqualTo(cd.url());
            assertThat(admin().get(scenario.environmentPath() + "/deployer").json().has("secret")).isFalse();
        }
    }

    @Test
    void aDeployerThatRefusesAFewTimesIsRetriedWithTheSameIdempotencyKey() throws Exception {
        try (FakeCdSystem cd = new FakeCdSystem(); PromotionScenario scenario = scenario(cd)) {
            scenario.release("1.0.0");
            cd.refuseNext(2);
            scenario.promoteDirectly("1.0.0");
            assertThat(cd.calls()).hasSize(1);
            assertThat(cd.calls().getFirst().idempotencyKey()).endsWith(":step:0");
        }
    }

    private PromotionScenario scenario(FakeCdSystem cd) {
        return new PromotionScenario(api, bootstrapKey(), cd.url());
    }

    private static Map<String, Object> canary(String version, List<Integer> steps, String stepInterval) {
        Map<String, Object> request = new java.util.HashMap<>();
        request.put("release", version);
        request.put("environment", "prod");
        request.put("strategy", "canary");
        request.put("steps", steps);
        request.put("stepInterval", stepInterval);
        request.put("analysis", Map.of("interval", "1s", "window", "2s", "maxWait", "10s", "minRequests", 50));
        return request;
    }

    private static void awaitCurrent(PromotionScenario scenario, String version) throws InterruptedException {
        long deadline = System.nanoTime() + LONG_ENOUGH.toNanos();
        while (!version.equals(scenario.environmentReleases().get("current").asString())) {
            assertThat(System.nanoTime()).as("the environment runs " + version).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
