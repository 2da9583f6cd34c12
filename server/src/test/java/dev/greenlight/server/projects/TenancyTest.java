package dev.greenlight.server.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/** A workspace is a wall: nothing of another workspace can be seen, named or touched. */
class TenancyTest extends IntegrationTest {

    @Test
    void anotherWorkspacesProjectIsNotFoundAndNotListed() {
        String project = fixtures.project();
        fixtures.release(project, "1.0.0");
        Api other = api.as(newWorkspaceAdminKey());

        assertThat(other.get("/api/v1/projects/" + project).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/projects/" + project + "/releases").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/projects/" + project + "/releases/1.0.0").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/projects/" + project + "/releases", Map.of("version", "2.0.0", "commitSha", "b".repeat(40))).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/projects").json().get("items").findValuesAsString("slug")).doesNotContain(project);
        assertThat(admin().get("/api/v1/projects/" + project + "/releases").json().get("items")).hasSize(1);
    }

    @Test
    void slugsAreUniquePerWorkspaceOnly() {
        String project = fixtures.project();
        HttpResult same = api.as(newWorkspaceAdminKey()).post("/api/v1/projects", Map.of("slug", project, "name", "Same slug"));
        assertThat(same.status()).isEqualTo(201);
    }

    @Test
    void anotherWorkspacesPrincipalsAndKeysAreNotFound() {
        String member = Fixtures.unique("member");
        assertThat(admin().post("/api/v1/service-accounts", Map.of("name", member)).status()).isEqualTo(201);
        Api other = api.as(newWorkspaceAdminKey());
        assertThat(other.get("/api/v1/service-accounts/" + member).status()).isEqualTo(404);
        assertThat(other.put("/api/v1/workspace/members/" + member, Map.of("roles", java.util.List.of("viewer"))).status()).isEqualTo(404);
        String keyId = admin().post("/api/v1/api-keys", Map.of("name", "mine")).json().get("id").asString();
        assertThat(other.delete("/api/v1/api-keys/" + keyId).status()).isEqualTo(404);
    }

    @Test
    void newWorkspaceComesWithItsOwnAdministratorAndKey() {
        String slug = Fixtures.unique("acme");
        HttpResult created = admin().post("/api/v1/workspaces", Map.of("slug", slug, "name", "Acme"));
        assertThat(created.status()).isEqualTo(201);
        HttpResult me = api.as(created.json().get("apiKey").asString()).get("/api/v1/me");
        assertThat(me.json().get("workspace").get("slug").asString()).isEqualTo(slug);
        assertThat(me.json().get("instanceAdmin").asBoolean()).isFalse();
        assertThat(admin().post("/api/v1/workspaces", Map.of("slug", slug, "name", "Again")).status()).isEqualTo(409);
    }

    private String newWorkspaceAdminKey() {
        HttpResult created = admin().post("/api/v1/workspaces", Map.of("slug", Fixtures.unique("tenant"), "name", "Tenant"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("apiKey").asString();
    }
}
