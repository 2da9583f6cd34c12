package dev.greenlight.server.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.IntegrationTest;

class EnvironmentOrderTest extends IntegrationTest {

    @Test
    void environmentsKeepTheirOrderAndAfterInsertsBetween() {
        String project = fixtures.project();
        fixtures.environment(project, "staging");
        fixtures.environment(project, "prod");
        assertThat(admin().post("/api/v1/projects/" + project + "/environments", Map.of("name", "qa", "after", "staging")).status()).isEqualTo(201);

        var items = admin().get("/api/v1/projects/" + project + "/environments").json().get("items");
        assertThat(items.findValuesAsString("name")).containsExactly("staging", "qa", "prod");
        assertThat(items.findValues("position").stream().map(node -> node.asInt()).toList()).containsExactly(0, 1, 2);
    }

    @Test
    void duplicateNameIsConflictAndUnknownAfterIsBadRequest() {
        String project = fixtures.project();
        fixtures.environment(project, "staging");
        assertThat(admin().post("/api/v1/projects/" + project + "/environments", Map.of("name", "staging")).status()).isEqualTo(409);
        assertThat(admin().post("/api/v1/projects/" + project + "/environments", Map.of("name", "prod", "after", "nowhere")).status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/projects/" + project + "/environments").json().get("items")).hasSize(1);
    }

    @Test
    void projectCanBeRenamedButNotReslugged() {
        String project = fixtures.project();
        var updated = admin().patch("/api/v1/projects/" + project, Map.of("name", "Renamed", "description", "The payments service"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(updated.json().get("slug").asString()).isEqualTo(project);
        assertThat(admin().patch("/api/v1/projects/" + project, Map.of("name", "")).status()).isEqualTo(400);
    }
}
