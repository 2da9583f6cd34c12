package dev.greenlight.server.waivers;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.greenlight.server.testing.HttpResult;

/** A waiver stops applying at its expiry by itself: nobody revokes it, and a request past its expiry cannot be decided. */
class WaiverExpiryTest extends GatePortsIntegrationTest {
    private static final Duration SHORT = Duration.ofSeconds(3);

    @Autowired
    Waivers waivers;

    @Test
    void approvedWaiverStopsApplyingAtItsExpiryAndAnExpiredRequestCannotBeApproved() throws InterruptedException {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(project, "security");
        Instant expiresAt = Instant.now().plus(SHORT);
        String approved = request(developer, project, expiresAt);
        String leftWaiting = request(developer, project, expiresAt);
        assertThat(security.api().post("/api/v1/waivers/" + approved + "/approve", Map.of()).status()).isEqualTo(200);

        assertThat(waivers.activeFor(release(project), environment(project, "prod"), Instant.now())).hasSize(1);
        assertThat(waivers.activeFor(release(project), environment(project, "prod"), expiresAt))
                .as("not at the instant of its expiry").isEmpty();

        Thread.sleep(Duration.between(Instant.now(), expiresAt).plusMillis(100).toMillis());

        assertThat(waivers.activeFor(release(project), environment(project, "prod"), Instant.now())).isEmpty();
        assertThat(developer.api().get("/api/v1/waivers/" + approved).json().get("status").asString()).isEqualTo("expired");
        assertThat(developer.api().get(waivers(project) + "?status=expired").json().get("items")).hasSize(2);
        assertThat(developer.api().get(waivers(project) + "?status=approved").json().get("items")).isEmpty();
        HttpResult late = security.api().post("/api/v1/waivers/" + leftWaiting + "/approve", Map.of());
        assertProblem(late, 409, "conflict");
        assertThat(late.json().get("detail").asString()).contains("expired");
        assertProblem(developer.api().post("/api/v1/waivers/" + approved + "/revoke", Map.of("reason", "too late")), 409, "conflict");
        assertThat(ledgerEntries(project, "waiver.approved")).hasSize(1);
    }

    private String request(Team.Member member, String project, Instant expiresAt) {
        HttpResult requested = member.api().post(waivers(project), waiverRequest("prod", "perf.p95-latency", expiresAt));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        return requested.json().get("id").asString();
    }
}
