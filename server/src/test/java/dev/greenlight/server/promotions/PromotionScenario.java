package dev.greenlight.server.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.TestPacks;
import tools.jackson.databind.JsonNode;

/**
 * A project whose "prod" environment is ready for promotions through the API: a strict gate its releases pass, a
 * webhook deployer pointing at the test's CD system, and pushed health metrics, with a pusher that reports traffic for
 * the versions the test names at the error rates it sets.
 */
final class PromotionScenario implements AutoCloseable {
    static final String ENVIRONMENT = "prod";

    final String project;
    private final String adminKey;
    private final String captainKey;
    private final String captainName;
    private volatile Api admin;
    volatile Api captain;
    private final String pack;
    private final Map<String, Double> errorRates = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor();

    PromotionScenario(Api api, String adminKey, String deployerUrl) {
        Fixtures fixtures = new Fixtures(api, adminKey);
        this.adminKey = adminKey;
        this.admin = api.as(adminKey);
        this.project = fixtures.project();
        fixtures.environment(project, ENVIRONMENT);
        this.pack = Fixtures.unique("gate/promotion");
        assertThat(admin.postBytes("/api/v1/policies", TestPacks.strict(pack, "1.0.0"), "application/yaml").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/policies/" + pack + "/versions/1.0.0/activate", Map.of()).status()).isEqualTo(200);
        gate(Map.of("pack", pack));
        HttpResult deployer = admin.put(environmentPath() + "/deployer", Map.of("kind", "webhook", "url", deployerUrl, "secret", FakeCdSystem.SECRET,
                "timeout", "5s"));
        assertThat(deployer.status()).as(deployer.toString()).isEqualTo(200);
        HttpResult source = admin.put(environmentPath() + "/health-source", Map.of("kind", "pushed"));
        assertThat(source.status()).as(source.toString()).isEqualTo(200);
        this.captainKey = fixtures.keyWithRole("release-captain", project);
        this.captainName = api.as(captainKey).get("/api/v1/me").json().get("name").asString();
        this.captain = api.as(captainKey);
        pusher.scheduleAtFixedRate(this::push, 0, 200, TimeUnit.MILLISECONDS);
    }

    String captainName() {
        return captainName;
    }

    /**
     * The environment runs {@code baseline} (promoted directly) with healthy traffic, and {@code next} is a release
     * ready to follow it, already serving healthy traffic for when a canary starts.
     */
    void baselineRunning(String baseline, String next) throws InterruptedException {
        release(baseline);
        release(next);
        traffic(baseline, 0.01);
        promoteDirectly(baseline);
        traffic(next, 0.01);
    }

    /** Talks to the server at another address from now on (the same server restarted). */
    void moveTo(Api api) {
        admin = api.as(adminKey);
        captain = api.as(captainKey);
    }

    /** A release committed an hour ago whose evidence passes the gate. */
    void release(String version) {
        HttpResult created = admin.post("/api/v1/projects/" + project + "/releases", Map.of("version", version, "commitSha", "b".repeat(40),
                "commitTime", Instant.now().minus(Duration.ofHours(1)).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        HttpResult evidence = admin.postBytes(releasePath(version) + "/evidence", TestPacks.junit(0), "application/xml");
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
    }

    void gate(Map<String, Object> settings) {
        HttpResult gate = admin.put(environmentPath() + "/gate", settings);
        assertThat(gate.status()).as(gate.toString()).isEqualTo(200);
    }

    String pack() {
        return pack;
    }

    /** From now on the version serves 100 requests every 200 ms, this share of them failing. */
    void traffic(String version, double errorRate) {
        errorRates.put(version, errorRate);
    }

    void noTraffic(String version) {
        errorRates.remove(version);
    }

    HttpResult promote(Api as, Map<String, Object> request) {
        return as.post("/api/v1/projects/" + project + "/promotions", request);
    }

    /** Promotes directly and waits until it is done: the environment then runs the version. */
    void promoteDirectly(String version) throws InterruptedException {
        HttpResult started = promote(captain, Map.of("release", version, "environment", ENVIRONMENT, "strategy", "direct"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        awaitState(started.json().get("id").asString(), "promoted", Duration.ofSeconds(30));
    }

    JsonNode promotion(String id) {
        HttpResult found = admin.get("/api/v1/projects/" + project + "/promotions/" + id);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json();
    }

    JsonNode awaitState(String id, String state, Duration timeout) throws InterruptedException {
        return await(id, "state " + state, promotion -> promotion.get("state").asString().equals(state), timeout);
    }

    JsonNode await(String id, String what, Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode promotion = promotion(id);
        while (!condition.test(promotion)) {
            assertThat(System.nanoTime()).as("promotion reached " + what + " within " + timeout + "; it is " + promotion).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
            promotion = promotion(id);
        }
        return promotion;
    }

    JsonNode environmentReleases() {
        return admin.get(environmentPath() + "/releases").json();
    }

    String environmentPath() {
        return "/api/v1/projects/" + project + "/environments/" + ENVIRONMENT;
    }

    String releasePath(String version) {
        return "/api/v1/projects/" + project + "/releases/" + version;
    }

    List<JsonNode> ledger(String kind) {
        return admin.get("/api/v1/ledger/default/entries?kind=" + kind + "&project=" + project + "&limit=200").json().get("items").values().stream()
                .toList();
    }

    private void push() {
        Instant now = Instant.now();
        errorRates.forEach((version, rate) -> {
            try {
                admin.post(environmentPath() + "/health/samples", Map.of("version", version, "requests", 100, "errors", Math.round(rate * 100),
                        "windowStart", now.minusMillis(200).toString(), "windowEnd", now.toString()));
            } catch (RuntimeException serverGone) {
                // The server may be stopping at the end of a test.
            }
        });
    }

    @Override
    public void close() {
        pusher.shutdownNow();
    }
}
