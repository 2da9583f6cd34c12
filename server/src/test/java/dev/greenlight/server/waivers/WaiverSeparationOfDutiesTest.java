package dev.greenlight.server.waivers;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.HttpResult;

/** Who may not decide a waiver: its requester, and anyone who is not a security lead or release captain of the project. */
class WaiverSeparationOfDutiesTest extends GatePortsIntegrationTest {

    @Test
    void requesterCannotApproveOrRejectTheirOwnWaiverEvenAsReleaseCaptain() {
        String project = team.project();
        Team.Member captain = team.serviceAccount(project, "release-captain");
        String id = request(captain, project);

        HttpResult approved = captain.api().post("/api/v1/waivers/" + id + "/approve", Map.of());
        assertProblem(approved, 403, "forbidden");
        assertThat(approved.json().get("detail").asString()).contains("Separation of duties", "you requested this waiver");
        assertProblem(captain.api().post("/api/v1/waivers/" + id + "/reject", Map.of("comment", "hmm")), 403, "forbidden");
        assertUndecided(project, id);
    }

    @Test
    void developerCannotApproveAWaiver() {
        String project = team.project();
        Team.Member requester = team.serviceAccount(project, "developer");
        Team.Member developer = team.serviceAccount(project, "developer");
        String id = request(requester, project);

        assertProblem(developer.api().post("/api/v1/waivers/" + id + "/approve", Map.of()), 403, "forbidden");
        assertUndecided(project, id);
    }

    @Test
    void developerWhoIsSecurityLeadElsewhereCannotApproveHere() {
        String project = team.project();
        String elsewhere = team.project();
        Team.Member requester = team.serviceAccount(project, "developer");
        Team.Member developer = team.serviceAccount(project, "developer");
        HttpResult granted = admin().put("/api/v1/projects/" + elsewhere + "/members/" + developer.name(),
                Map.of("roles", java.util.List.of("security")));
        assertThat(granted.status()).isEqualTo(200);
        String id = request(requester, project);

        assertProblem(developer.api().post("/api/v1/waivers/" + id + "/approve", Map.of()), 403, "forbidden");
        assertUndecided(project, id);
    }

    @Test
    void workspaceAdministratorHoldsThePermissionButNotTheRoleAndCannotApprove() {
        String project = team.project();
        Team.Member requester = team.serviceAccount(project, "developer");
        String id = request(requester, project);

        HttpResult approved = admin().post("/api/v1/waivers/" + id + "/approve", Map.of());
        assertProblem(approved, 403, "forbidden");
        assertThat(approved.json().get("detail").asString()).contains("security", "release-captain");
        assertUndecided(project, id);
    }

    @Test
    void workspaceWideSecurityLeadMayApproveOnEveryProject() {
        String project = team.project();
        Team.Member requester = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(null, "security");
        String id = request(requester, project);

        HttpResult approved = security.api().post("/api/v1/waivers/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }

    @Test
    void onlyARequestedWaiverCanBeDecided() {
        String project = team.project();
        Team.Member requester = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(project, "security");
        String id = request(requester, project);
        assertThat(security.api().post("/api/v1/waivers/" + id + "/approve", Map.of()).status()).isEqualTo(200);

        HttpResult again = security.api().post("/api/v1/waivers/" + id + "/approve", Map.of());
        assertProblem(again, 409, "conflict");
        assertThat(again.json().get("detail").asString()).contains("is approved");
        assertProblem(security.api().post("/api/v1/waivers/" + id + "/reject", Map.of("comment", "changed my mind")), 409, "conflict");
        assertThat(ledgerEntries(project, "waiver.approved")).hasSize(1);
        assertThat(ledgerEntries(project, "waiver.rejected")).isEmpty();
    }

    private String request(Team.Member member, String project) {
        HttpResult requested = member.api().post(waivers(project), waiverRequest("prod", "sast.no-high", Instant.now().plus(2, ChronoUnit.DAYS)));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        return requested.json().get("id").asString();
    }

    private void assertUndecided(String project, String id) {
        assertThat(admin().get("/api/v1/waivers/" + id).json().get("status").asString()).isEqualTo("requested");
        assertThat(ledgerEntries(project, "waiver.approved")).isEmpty();
        assertThat(ledgerEntries(project, "waiver.rejected")).isEmpty();
    }
}
