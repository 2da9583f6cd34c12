package dev.greenlight.server.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.ServerProcess;
import dev.greenlight.server.testing.TestPostgres;

/**
 * Kills the server with SIGKILL in the middle of a canary, starts it again on the same database, and checks that the
 * promotion goes on from its last durable state: every step reaches the CD system once, in order, and none twice.
 */
class PromotionCrashTest {
    /** A job the killed server was running is picked up again once the scheduler sees its heartbeats stop. */
    private static final Map<String, String> QUICK_RECOVERY = Map.of("GREENLIGHT_JOBS_HEARTBEAT_INTERVAL", "2s");

    @TempDir
    Path dataDirectory;

    @Test
    void aCanaryResumesAfterAKillWithoutRepeatingAStep() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        try (FakeCdSystem cd = new FakeCdSystem()) {
            ServerProcess first = ServerProcess.start(database, dataDirectory, QUICK_RECOVERY);
            PromotionScenario scenario;
            String id;
            try {
                scenario = new PromotionScenario(first.api(), first.bootstrapKey(), cd.url());
                scenario.baselineRunning("1.0.0", "2.0.0");
                HttpResult started = scenario.promote(scenario.captain, Map.of("release", "2.0.0", "environment", "prod", "strategy", "canary",
                        "steps", List.of(1, 5, 25, 100), "stepInterval", "2s",
                        "analysis", Map.of("interval", "1s", "window", "2s", "maxWait", "30s", "minRequests", 50)));
                assertThat(started.status()).as(started.toString()).isEqualTo(201);
                id = started.json().get("id").asString();
                scenario.await(id, "analysis at 25 %", promotion -> promotion.get("state").asString().equals("analysing")
                        && promotion.get("step").get("percent").asInt() == 25, Duration.ofSeconds(60));
            } finally {
                first.kill();
            }
            List<Integer> beforeKill = deployedPercents(cd);
            assertThat(beforeKill).containsExactly(1, 5, 25);

            try (ServerProcess second = ServerProcess.start(database, dataDirectory, QUICK_RECOVERY)) {
                scenario.moveTo(second.api());
                scenario.awaitState(id, "promoted", Duration.ofSeconds(90));
                assertThat(deployedPercents(cd)).containsExactly(1, 5, 25, 100);
                assertThat(cd.calls().stream().filter(call -> call.action().equals("deploy")).map(FakeCdSystem.Call::idempotencyKey))
                        .doesNotHaveDuplicates();
                assertThat(scenario.environmentReleases().get("current").asString()).isEqualTo("2.0.0");
            } finally {
                scenario.close();
            }
        }
    }

    private static List<Integer> deployedPercents(FakeCdSystem cd) {
        return cd.calls().stream().filter(call -> call.action().equals("deploy") && call.version().equals("2.0.0")).map(FakeCdSystem.Call::percent)
                .toList();
    }
}
