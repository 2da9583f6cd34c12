package dev.greenlight.server.waivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.greenlight.server.testing.HttpResult;
import tools.jackson.databind.JsonNode;

class WaiverLifecycleTest extends GatePortsIntegrationTest {
    @Autowired
    Waivers waivers;

    @Test
    void requestedWaiverAppliesOnceAnotherPersonApprovesIt() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(project, "security");
        Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        HttpResult requested = developer.api().post(waivers(project), waiverRequest("prod", "vulns.no-critical", expiresAt));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        JsonNode waiver = requested.json();
        String id = waiver.get("id").asString();
        assertThat(requested.header("Location")).isEqualTo("/api/v1/waivers/" + id);
        assertThat(waiver.get("status").asString()).isEqualTo("requested");
        assertThat(waiver.get("requestedBy").asString()).isEqualTo(developer.name());
        assertThat(waiver.get("expiresAt").asString()).isEqualTo(expiresAt.toString());
        assertThat(activeFor(project, "prod")).isEmpty();
        JsonNode requestedEntry = ledgerEntries(project, "waiver.requested").getFirst();
        assertThat(requestedEntry.get("actor").asString()).isEqualTo(developer.name());
        assertThat(subject(requestedEntry)).containsEntry("waiver", id).containsEntry("rule", "vulns.no-critical")
                .containsEntry("release", "1.0.0").containsEntry("environment", "prod").containsEntry("expiresAt", expiresAt.toString())
                .containsEntry("ticket", "SEC-123");

        HttpResult approved = security.api().post("/api/v1/waivers/" + id + "/approve", Map.of("comment", "Checked the call graph"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo(security.name());
        JsonNode approvedEntry = ledgerEntries(project, "waiver.approved").getFirst();
        assertThat(approvedEntry.get("actor").asString()).isEqualTo(security.name());
        assertThat(subject(approvedEntry)).containsEntry("waiver", id).containsEntry("rule", "vulns.no-critical")
                .containsEntry("environment", "prod").containsEntry("comment", "Checked the call graph")
                .containsEntry("requestedBy", developer.name());

        List<ActiveWaiver> active = activeFor(project, "prod");
        assertThat(active).singleElement().satisfies(applied -> {
            assertThat(applied.id()).isEqualTo(UUID.fromString(id));
            assertThat(applied.rule()).isEqualTo("vulns.no-critical");
            assertThat(applied.requestedBy()).isEqualTo(developer.name());
            assertThat(applied.approvedBy()).isEqualTo(security.name());
            assertThat(applied.expiresAt()).isEqualTo(expiresAt);
        });
        assertThat(activeFor(project, "staging")).as("a waiver holds for its environment only").isEmpty();
        assertThat(developer.api().get("/api/v1/waivers/" + id).json().get("decisionComment").asString()).isEqualTo("Checked the call graph");
    }

    @Test
    void rejectedWaiverNeverAppliesAndCannotBeApprovedLater() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member captain = team.serviceAccount(project, "release-captain");
        String id = request(developer, project, "prod");

        HttpResult rejected = captain.api().post("/api/v1/waivers/" + id + "/reject", Map.of("comment", "Fix it instead"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
        assertThat(subject(ledgerEntries(project, "waiver.rejected").getFirst())).containsEntry("waiver", id).containsEntry("comment", "Fix it instead");

        assertThat(captain.api().post("/api/v1/waivers/" + id + "/approve", Map.of()).status()).isEqualTo(409);
        assertThat(activeFor(project, "prod")).isEmpty();
    }

    @Test
    void requesterRevokesAnApprovedWaiverAndItStopsApplying() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(project, "security");
        String id = request(developer, project, "prod");
        assertThat(security.api().post("/api/v1/waivers/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        assertThat(activeFor(project, "prod")).hasSize(1);

        HttpResult revoked = developer.api().post("/api/v1/waivers/" + id + "/revoke", Map.of("reason", "Fixed in 1.0.1"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("revoked");
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo(developer.name());
        assertThat(revoked.json().get("decidedBy").asString()).as("the approval stays on record").isEqualTo(security.name());
        JsonNode entry = ledgerEntries(project, "waiver.revoked").getFirst();
        assertThat(entry.get("actor").asString()).isEqualTo(developer.name());
        assertThat(subject(entry)).containsEntry("waiver", id).containsEntry("previousStatus", "approved").containsEntry("reason", "Fixed in 1.0.1");
        assertThat(activeFor(project, "prod")).isEmpty();

        assertThat(developer.api().post("/api/v1/waivers/" + id + "/revoke", Map.of("reason", "again")).status()).isEqualTo(409);
    }

    @Test
    void securityLeadRevokesSomeoneElsesWaiverButAnotherDeveloperCannot() {
        String project = team.project();
        Team.Member requester = team.serviceAccount(project, "developer");
        Team.Member otherDeveloper = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(project, "security");
        String id = request(requester, project, "prod");

        HttpResult refused = otherDeveloper.api().post("/api/v1/waivers/" + id + "/revoke", Map.of("reason", "not mine"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("requester");
        assertThat(security.api().post("/api/v1/waivers/" + id + "/revoke", Map.of("reason", "Superseded")).status()).isEqualTo(200);
        assertThat(subject(ledgerEntries(project, "waiver.revoked").getFirst())).containsEntry("previousStatus", "requested");
    }

    @Test
    void listFiltersByEnvironmentAndStatus() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(project, "security");
        String staging = request(developer, project, "staging");
        String prod = request(developer, project, "prod");
        assertThat(security.api().post("/api/v1/waivers/" + prod + "/approve", Map.of()).status()).isEqualTo(200);

        assertThat(ids(developer.api().get(waivers(project)))).containsExactly(prod, staging);
        assertThat(ids(developer.api().get(waivers(project) + "?environment=staging"))).containsExactly(staging);
        assertThat(ids(developer.api().get(waivers(project) + "?status=approved"))).containsExactly(prod);
        assertThat(ids(developer.api().get(waivers(project) + "?status=requested&environment=prod"))).isEmpty();
        HttpResult page = developer.api().get(waivers(project) + "?limit=1");
        assertThat(ids(page)).containsExactly(prod);
        assertThat(ids(developer.api().get(waivers(project) + "?limit=1&cursor=" + page.json().get("nextCursor").asString()))).containsExactly(staging);
        assertThat(developer.api().get(waivers(project) + "?status=forgotten").status()).isEqualTo(400);
        assertThat(developer.api().get(waivers(project) + "?environment=qa").status()).isEqualTo(400);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyRecordsOneWaiver() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Map<String, Object> body = waiverRequest("prod", "tests.all-pass", Instant.now().plus(1, ChronoUnit.DAYS));
        String key = UUID.randomUUID().toString();

        HttpResult first = developer.api().header("Idempotency-Key", key).post(waivers(project), body);
        HttpResult retried = developer.api().header("Idempotency-Key", key).post(waivers(project), body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(developer.api().get(waivers(project)).json().get("items")).hasSize(1);
        assertThat(ledgerEntries(project, "waiver.requested")).hasSize(1);
    }

    @Test
    void aWaiverIsVisibleOnlyToThoseWhoCanReadItsProject() {
        String project = team.project();
        String otherProject = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member outsider = team.serviceAccount(otherProject, "security");
        String id = request(developer, project, "prod");

        assertThat(developer.api().get("/api/v1/waivers/" + id).status()).isEqualTo(200);
        assertThat(outsider.api().get("/api/v1/waivers/" + id).status()).isEqualTo(404);
        assertThat(outsider.api().post("/api/v1/waivers/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(developer.api().get("/api/v1/waivers/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(developer.api().get("/api/v1/waivers/not-an-id").status()).isEqualTo(404);
    }

    private String request(Team.Member member, String project, String environment) {
        HttpResult requested = member.api().post(waivers(project), waiverRequest(environment, "vulns.no-critical",
                Instant.now().plus(3, ChronoUnit.DAYS)));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        return requested.json().get("id").asString();
    }

    private List<ActiveWaiver> activeFor(String project, String environment) {
        return waivers.activeFor(release(project), environment(project, environment), Instant.now());
    }

    private static List<String> ids(HttpResult page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").findValuesAsString("id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> subject(JsonNode entry) {
        return tools.jackson.databind.json.JsonMapper.builder().build().convertValue(entry.get("entry").get("subject"), Map.class);
    }
}
