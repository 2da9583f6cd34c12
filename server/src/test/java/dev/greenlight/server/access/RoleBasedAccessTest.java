package dev.greenlight.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

class RoleBasedAccessTest extends IntegrationTest {
    private static final Map<String, Object> RELEASE = Map.of("version", "1.0.0", "commitSha", "c".repeat(40));

    @Test
    void viewerReadsButCannotCreateReleases() {
        String project = fixtures.project();
        Api viewer = api.as(fixtures.keyWithRole("viewer", project));
        assertThat(viewer.get("/api/v1/projects/" + project).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/projects/" + project + "/releases").status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/projects/" + project + "/releases", RELEASE).status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/projects/" + project + "/releases").json().get("items")).isEmpty();
    }

    @Test
    void developerCreatesReleasesButNotEnvironments() {
        String project = fixtures.project();
        Api developer = api.as(fixtures.keyWithRole("developer", project));
        HttpResult created = developer.post("/api/v1/projects/" + project + "/releases", RELEASE);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("createdBy").asString()).startsWith("bot-");
        assertThat(developer.post("/api/v1/projects/" + project + "/environments", Map.of("name", "prod")).status()).isEqualTo(403);
    }

    @Test
    void nonMemberSeesNeitherTheProjectNorItsName() {
        String project = fixtures.project();
        Api stranger = api.as(fixtures.keyWithoutRoles());
        assertThat(stranger.get("/api/v1/projects/" + project).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/projects/" + project + "/releases", RELEASE).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/projects").json().get("items")).isEmpty();
    }

    @Test
    void roleOnOneProjectGivesNothingOnAnother() {
        String mine = fixtures.project();
        String theirs = fixtures.project();
        Api developer = api.as(fixtures.keyWithRole("developer", mine));
        assertThat(developer.get("/api/v1/projects").json().get("items").findValuesAsString("slug")).containsExactly(mine);
        assertThat(developer.get("/api/v1/projects/" + theirs).status()).isEqualTo(404);
    }

    @Test
    void workspaceWideRoleHoldsOnEveryProject() {
        String first = fixtures.project();
        String second = fixtures.project();
        Api viewer = api.as(fixtures.keyWithRole("viewer", null));
        assertThat(viewer.get("/api/v1/projects/" + first).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/projects/" + second).status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/projects", Map.of("slug", Fixtures.unique("p"), "name", "P")).status()).isEqualTo(403);
    }

    @Test
    void projectAdminManagesMembersOfItsProject() {
        String project = fixtures.project();
        Api projectAdmin = api.as(fixtures.keyWithRole("admin", project));
        String newcomer = Fixtures.unique("newcomer");
        assertThat(admin().post("/api/v1/service-accounts", Map.of("name", newcomer)).status()).isEqualTo(201);

        HttpResult granted = projectAdmin.put("/api/v1/projects/" + project + "/members/" + newcomer, Map.of("roles", List.of("developer", "security")));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json().get("roles").values().stream().map(node -> node.asString()).toList()).containsExactly("developer", "security");
        HttpResult members = projectAdmin.get("/api/v1/projects/" + project + "/members");
        assertThat(members.json().get("items").findValuesAsString("principal")).contains(newcomer);

        HttpResult workspaceAdminRole = projectAdmin.put("/api/v1/projects/" + project + "/members/" + newcomer, Map.of("roles", List.of("workspace-admin")));
        assertThat(workspaceAdminRole.status()).isEqualTo(400);
        HttpResult unknownRole = projectAdmin.put("/api/v1/projects/" + project + "/members/" + newcomer, Map.of("roles", List.of("superuser")));
        assertThat(unknownRole.status()).isEqualTo(400);

        assertThat(projectAdmin.delete("/api/v1/projects/" + project + "/members/" + newcomer).status()).isEqualTo(204);
        assertThat(projectAdmin.get("/api/v1/projects/" + project + "/members").json().get("items").findValuesAsString("principal")).doesNotContain(newcomer);
    }

    @Test
    void administratorCannotRemoveOwnWorkspaceAdminRole() {
        HttpResult result = admin().put("/api/v1/workspace/members/admin", Map.of("roles", List.of("viewer")));
        assertThat(result.status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/workspace/members").json().get("items").findValuesAsString("principal")).contains("admin");
    }

    @Test
    void myRolesListsWhatICanDo() {
        String project = fixtures.project();
        HttpResult roles = api.as(fixtures.keyWithRole("release-captain", project)).get("/api/v1/me/roles");
        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.json().get("projects").toString()).contains("release-captain");
    }
}
