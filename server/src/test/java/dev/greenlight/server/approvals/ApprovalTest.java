package dev.greenlight.server.approvals;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.waivers.GatePortFakes;
import dev.greenlight.server.waivers.GatePortsIntegrationTest;
import dev.greenlight.server.waivers.Team;
import tools.jackson.databind.JsonNode;

class ApprovalTest extends GatePortsIntegrationTest {
    @Autowired
    Approvals approvals;
    @Autowired
    GatePortFakes.BlockedReleases blockedReleases;

    @Test
    void approverWithTheRoleApprovesOnceAndTheApprovalCounts() {
        String project = team.project();
        Team.Member security = team.serviceAccount(project, "security", "release-captain");
        String digest = admin().get("/api/v1/projects/" + project + "/releases/1.0.0").json().get("artifactsDigest").asString();

        HttpResult approved = security.api().post(approvals(project), Map.of("environment", "prod", "role", "security", "comment", "Pen test reviewed"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
        String id = approved.json().get("id").asString();
        assertThat(approved.header("Location")).isEqualTo("/api/v1/approvals/" + id);
        assertThat(approved.json().get("valid").asBoolean()).isTrue();
        assertThat(approved.json().get("artifactsDigest").asString()).isEqualTo(digest);
        JsonNode entry = ledgerEntries(project, "approval.granted").getFirst();
        assertThat(entry.get("actor").asString()).isEqualTo(security.name());
        assertThat(entry.get("entry").get("subject").get("approval").asString()).isEqualTo(id);
        assertThat(entry.get("entry").get("subject").get("role").asString()).isEqualTo("security");
        assertThat(entry.get("entry").get("subject").get("environment").asString()).isEqualTo("prod");
        assertThat(entry.get("entry").get("subject").get("artifactsDigest").asString()).isEqualTo(digest);
        assertThat(approvals.validFor(release(project), environment(project, "prod"))).singleElement().satisfies(valid -> {
            assertThat(valid.id()).isEqualTo(UUID.fromString(id));
            assertThat(valid.role()).isEqualTo("security");
            assertThat(valid.approver()).isEqualTo(security.name());
        });
        assertThat(approvals.validFor(release(project), environment(project, "staging"))).isEmpty();

        HttpResult again = security.api().post(approvals(project), Map.of("environment", "prod", "role", "security"));
        assertThat(again.status()).as("the standing approval, not a second one").isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        HttpResult asAnotherRole = security.api().post(approvals(project), Map.of("environment", "prod", "role", "release-captain"));
        assertProblem(asAnotherRole, 409, "conflict");
        assertThat(ledgerEntries(project, "approval.granted")).hasSize(1);
        assertThat(security.api().get(approvals(project)).json().get("items")).hasSize(1);
        assertThat(security.api().get("/api/v1/approvals/" + id).json().get("comment").asString()).isEqualTo("Pen test reviewed");
    }

    @Test
    void withdrawnApprovalNoLongerCountsAndANewOneCanBeGiven() {
        String project = team.project();
        Team.Member captain = team.serviceAccount(project, "release-captain");
        Team.Member otherCaptain = team.serviceAccount(project, "release-captain");
        String id = approve(captain, project, "release-captain");

        assertProblem(otherCaptain.api().delete("/api/v1/approvals/" + id), 403, "forbidden");
        assertThat(captain.api().delete("/api/v1/approvals/" + id).status()).isEqualTo(204);
        assertThat(captain.api().delete("/api/v1/approvals/" + id).status()).as("withdrawing again changes nothing").isEqualTo(204);

        JsonNode listed = captain.api().get(approvals(project) + "?environment=prod").json().get("items").get(0);
        assertThat(listed.get("valid").asBoolean()).isFalse();
        assertThat(listed.get("invalidReason").asString()).isEqualTo("withdrawn");
        assertThat(ledgerEntries(project, "approval.withdrawn")).singleElement()
                .satisfies(entry -> assertThat(entry.get("entry").get("subject").get("approval").asString()).isEqualTo(id));
        assertThat(approvals.validFor(release(project), environment(project, "prod"))).isEmpty();

        String renewed = approve(captain, project, "release-captain");
        assertThat(renewed).isNotEqualTo(id);
        assertThat(approvals.validFor(release(project), environment(project, "prod"))).extracting(ValidApproval::id)
                .containsExactly(UUID.fromString(renewed));
    }

    @Test
    void approvalLapsesWhenTheArtifactsChangeAndCanBeGivenAgain() {
        String project = team.project();
        Team.Member security = team.serviceAccount(project, "security");
        String first = approve(security, project, "security");

        HttpResult changed = admin().put("/api/v1/projects/" + project + "/releases/1.0.0/artifacts",
                Map.of("artifacts", List.of(Map.of("name", "app.jar", "sha256", "2".repeat(64)))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        JsonNode lapsed = security.api().get(approvals(project)).json().get("items").get(0);
        assertThat(lapsed.get("valid").asBoolean()).isFalse();
        assertThat(lapsed.get("invalidReason").asString()).isEqualTo("artifacts-changed");
        assertThat(approvals.validFor(release(project), environment(project, "prod"))).isEmpty();

        HttpResult renewed = security.api().post(approvals(project), Map.of("environment", "prod", "role", "security"));
        assertThat(renewed.status()).as("a new approval, for the new artifacts").isEqualTo(201);
        assertThat(renewed.json().get("id").asString()).isNotEqualTo(first);
        assertThat(renewed.json().get("artifactsDigest").asString()).isEqualTo(changed.json().get("artifactsDigest").asString());
        assertThat(approvals.validFor(release(project), environment(project, "prod"))).hasSize(1);
    }

    @Test
    void approvingAsARoleNotHeldIsRefused() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");

        HttpResult refused = developer.api().post(approvals(project), Map.of("environment", "prod", "role", "security"));
        assertProblem(refused, 403, "forbidden");
        assertThat(refused.json().get("detail").asString()).contains("do not hold the role 'security'");
        assertNothingApproved(project);
        assertThat(developer.api().post(approvals(project), Map.of("environment", "prod", "role", "developer")).status())
                .as("the role they hold").isEqualTo(201);
    }

    @Test
    void whoeverRegisteredTheReleaseCannotApproveIt() {
        String project = team.project();
        Team.Member registrant = team.serviceAccount(project, "developer", "security");
        HttpResult registered = registrant.api().post("/api/v1/projects/" + project + "/releases",
                Map.of("version", "2.0.0", "commitSha", "b".repeat(40)));
        assertThat(registered.status()).isEqualTo(201);

        HttpResult refused = registrant.api().post("/api/v1/projects/" + project + "/releases/2.0.0/approvals",
                Map.of("environment", "prod", "role", "security"));
        assertProblem(refused, 403, "forbidden");
        assertThat(refused.json().get("detail").asString()).contains("Separation of duties", "registered");
        assertThat(admin().get("/api/v1/projects/" + project + "/releases/2.0.0/approvals").json().get("items")).isEmpty();
    }

    @Test
    void theReleaseAuthorCannotApproveItByNameOrEmail() {
        String project = team.project();
        Team.Member byName = team.serviceAccount(project, "security");
        String email = "Dana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Team.Member byEmail = team.user(project, email, "security");
        Team.Member byGitIdent = team.user(project, "g." + email, "security");
        release(project, "3.0.0", byName.name().toUpperCase(Locale.ROOT));
        release(project, "3.0.1", email.toLowerCase(Locale.ROOT));
        release(project, "3.0.2", "Dana Example <G." + email + ">");

        for (Object[] attempt : new Object[][] {{byName, "3.0.0"}, {byEmail, "3.0.1"}, {byGitIdent, "3.0.2"}}) {
            Team.Member author = (Team.Member) attempt[0];
            HttpResult refused = author.api().post("/api/v1/projects/" + project + "/releases/" + attempt[1] + "/approvals",
                    Map.of("environment", "prod", "role", "security"));
            assertProblem(refused, 403, "forbidden");
            assertThat(refused.json().get("detail").asString()).contains("Separation of duties", "author");
        }
        assertThat(byEmail.api().post("/api/v1/projects/" + project + "/releases/3.0.0/approvals",
                Map.of("environment", "prod", "role", "security")).status()).as("not the author of 3.0.0").isEqualTo(201);
    }

    @Test
    void noApprovalWhileTheGateHasBlockers() {
        String project = team.project();
        Team.Member security = team.serviceAccount(project, "security");
        blockedReleases.block(release(project).id());
        int ledgerBefore = ledgerSize(project);

        HttpResult refused = security.api().post(approvals(project), Map.of("environment", "prod", "role", "security"));
        assertProblem(refused, 409, "conflict");
        assertThat(ledgerSize(project)).isEqualTo(ledgerBefore);
        assertNothingApproved(project);

        blockedReleases.unblock(release(project).id());
        assertThat(security.api().post(approvals(project), Map.of("environment", "prod", "role", "security")).status()).isEqualTo(201);
    }

    @Test
    void invalidApprovalsAreRefusedWithTheFieldAndChangeNothing() {
        String project = team.project();
        Team.Member security = team.serviceAccount(project, "security");
        int ledgerBefore = ledgerSize(project);
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("environment", "qa", "role", "security"),
                Map.of("environment", "prod", "role", "auditor"),
                Map.of("environment", "prod", "role", "security", "comment", "x".repeat(2001)),
                Map.of("role", "security"),
                Map.of("environment", "prod"))) {
            assertProblem(security.api().post(approvals(project), body), 400, "validation-failed");
        }
        assertThat(ledgerSize(project)).isEqualTo(ledgerBefore);
        assertNothingApproved(project);
    }

    @Test
    void approvalsOfAProjectOneCannotSeeAreNotFound() {
        String project = team.project();
        String otherProject = team.project();
        Team.Member security = team.serviceAccount(project, "security");
        Team.Member outsider = team.serviceAccount(otherProject, "security");
        String id = approve(security, project, "security");

        assertThat(outsider.api().get("/api/v1/approvals/" + id).status()).isEqualTo(404);
        assertThat(outsider.api().delete("/api/v1/approvals/" + id).status()).isEqualTo(404);
        assertThat(outsider.api().delete("/api/v1/approvals/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(approvals.validFor(release(project), environment(project, "prod"))).hasSize(1);
    }

    private String approve(Team.Member member, String project, String role) {
        HttpResult approved = member.api().post(approvals(project), Map.of("environment", "prod", "role", role));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
        return approved.json().get("id").asString();
    }

    private void release(String project, String version, String author) {
        HttpResult created = admin().post("/api/v1/projects/" + project + "/releases",
                Map.of("version", version, "commitSha", "c".repeat(40), "author", author));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private void assertNothingApproved(String project) {
        assertThat(admin().get(approvals(project)).json().get("items")).isEmpty();
        assertThat(ledgerEntries(project, "approval.granted")).isEmpty();
    }
}
