package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.TestPacks;
import tools.jackson.databind.JsonNode;

/**
 * Promotions and rollbacks made through the public API for the dashboard's pages, with no CD system: every
 * environment has an external deployer, and the test reports each step and rollback itself, as a CD system would
 * (with a developer's key). Releases pass the strict gate (a JUnit report without failures).
 */
final class PromotionPagesScenario {
    static final Duration LONG_ENOUGH = Duration.ofSeconds(60);
    /** How long before its registration each release was committed: the lead time the figures should show, give or take. */
    static final Duration COMMITTED_BEFORE = Duration.ofHours(1);

    final String project;
    /** The strict pack gating every environment. */
    final String pack;
    final Api captain;
    final Api deployer;
    private final Api admin;

    /** A project with these environments in order, each gated by a fresh strict pack and deployed externally. */
    PromotionPagesScenario(Api api, Fixtures fixtures, Api admin, String... environments) {
        this.admin = admin;
        this.project = fixtures.project();
        this.pack = "acme/" + Fixtures.unique("promotion-pages");
        assertThat(admin.postBytes("/api/v1/policies", TestPacks.strict(pack, "1.0.0"), "application/yaml").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/policies/" + pack + "/versions/1.0.0/activate", Map.of()).status()).isEqualTo(200);
        for (String environment : environments) {
            fixtures.environment(project, environment);
            gate(environment, Map.of("pack", pack));
            HttpResult deployer = admin.put(environmentPath(environment) + "/deployer", Map.of("kind", "external"));
            assertThat(deployer.status()).as(deployer.toString()).isEqualTo(200);
        }
        this.captain = api.as(fixtures.keyWithRole("release-captain", project));
        this.deployer = api.as(fixtures.keyWithRole("developer", project));
    }

    void gate(String environment, Map<String, Object> settings) {
        HttpResult gate = admin.put(environmentPath(environment) + "/gate", settings);
        assertThat(gate.status()).as(gate.toString()).isEqualTo(200);
    }

    /** A release committed {@link #COMMITTED_BEFORE} ago whose evidence passes the gate. */
    void release(String version) {
        HttpResult created = admin.post("/api/v1/projects/" + project + "/releases", Map.of("version", version, "commitSha", "d".repeat(40),
                "commitTime", Instant.now().minus(COMMITTED_BEFORE).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        HttpResult evidence = admin.postBytes(releasePath(version) + "/evidence", TestPacks.junit(0), "application/xml");
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
    }

    /** Asks for a promotion as the release captain; its id. */
    String promote(String version, String environment, Map<String, Object> settings) {
        Map<String, Object> request = new HashMap<>(settings);
        request.put("release", version);
        request.put("environment", environment);
        HttpResult started = captain.post("/api/v1/projects/" + project + "/promotions", request);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    /** Promotes in one step and reports that step deployed: the environment then runs the version. Its promotion id. */
    String promoteDirectly(String version, String environment) throws InterruptedException {
        String id = promote(version, environment, Map.of("strategy", "direct"));
        awaitState(id, "deploying");
        assertThat(reportDeployed(id, 1).get("state").asString()).isEqualTo("promoted");
        return id;
    }

    /** A canary of three steps whose steps last an hour: it stays in flight, analysed every second, until the test ends it. */
    String startCanary(String version, String environment) throws InterruptedException {
        String id = promote(version, environment, Map.of("strategy", "canary", "steps", List.of(10, 50, 100), "stepInterval", "1h",
                "analysis", Map.of("interval", "1s", "window", "1m", "maxWait", "1h")));
        awaitState(id, "deploying");
        return id;
    }

    JsonNode reportDeployed(String promotion, int step) {
        HttpResult reported = deployer.post("/api/v1/promotions/" + promotion + "/status", Map.of("step", step, "state", "deployed",
                "message", "deployed by the test"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        return reported.json();
    }

    /** A release captain's rollback; its id. */
    String rollBack(String environment, String to, String reason) {
        HttpResult accepted = captain.post(environmentPath(environment) + "/rollback", Map.of("to", to, "reason", reason));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().get("id").asString();
    }

    void reportRollbackCompleted(String rollback) {
        HttpResult reported = deployer.post("/api/v1/rollbacks/" + rollback + "/status", Map.of("state", "completed"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
    }

    String cancel(String promotion) {
        HttpResult cancelled = captain.post("/api/v1/projects/" + project + "/promotions/" + promotion + "/cancel", Map.of("reason", "not today"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        return cancelled.json().get("state").asString();
    }

    JsonNode promotion(String id) {
        HttpResult found = admin.get("/api/v1/projects/" + project + "/promotions/" + id);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json();
    }

    JsonNode awaitState(String id, String state) throws InterruptedException {
        return await(id, "state " + state, promotion -> promotion.get("state").asString().equals(state));
    }

    JsonNode await(String id, String what, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + LONG_ENOUGH.toNanos();
        JsonNode promotion = promotion(id);
        while (!condition.test(promotion)) {
            assertThat(System.nanoTime()).as("promotion reached " + what + " within " + LONG_ENOUGH + "; it is " + promotion).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
            promotion = promotion(id);
        }
        return promotion;
    }

    JsonNode dora(String window) {
        HttpResult dora = admin.get("/api/v1/projects/" + project + "/dora?window=" + window);
        assertThat(dora.status()).as(dora.toString()).isEqualTo(200);
        return dora.json();
    }

    String environmentPath(String environment) {
        return "/api/v1/projects/" + project + "/environments/" + environment;
    }

    String releasePath(String version) {
        return "/api/v1/projects/" + project + "/releases/" + version;
    }

    static String projectPage(String project) {
        return "/projects/" + project;
    }

    static String releasePage(String project, String version, String environment) {
        return "/projects/" + project + "/releases/" + version + "?environment=" + environment;
    }
}
