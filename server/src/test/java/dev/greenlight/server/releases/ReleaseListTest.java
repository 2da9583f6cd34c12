package dev.greenlight.server.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

class ReleaseListTest extends IntegrationTest {

    @Test
    void releasesPageNewestFirstWithoutGapsOrRepeats() {
        String project = fixtures.project();
        for (int i = 1; i <= 5; i++) {
            fixtures.release(project, "1.0." + i);
        }
        List<String> versions = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResult page = admin().get("/api/v1/projects/" + project + "/releases?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            JsonNode json = page.json();
            versions.addAll(json.get("items").findValuesAsString("version"));
            cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(versions).containsExactly("1.0.5", "1.0.4", "1.0.3", "1.0.2", "1.0.1");
    }

    @Test
    void releaseKeepsCommitArtifactsAndAuthor() {
        String project = fixtures.project();
        HttpResult created = admin().post("/api/v1/projects/" + project + "/releases", Map.of(
                "version", "2.0.0-rc.1+build.7",
                "commitSha", "ABCDEF0123456789ABCDEF0123456789ABCDEF01",
                "commitTime", "2026-11-20T10:15:30Z",
                "author", "dana",
                "artifacts", List.of(Map.of("name", "app.jar", "sha256", "F".repeat(64)))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode release = admin().get("/api/v1/projects/" + project + "/releases/2.0.0-rc.1+build.7").json();
        assertThat(release.get("commitSha").asString()).isEqualTo("abcdef0123456789abcdef0123456789abcdef01");
        assertThat(release.get("commitTime").asString()).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(release.get("author").asString()).isEqualTo("dana");
        assertThat(release.get("artifacts").get(0).get("sha256").asString()).isEqualTo("f".repeat(64));
        assertThat(release.get("createdBy").asString()).isEqualTo("admin");
    }

    @Test
    void invalidReleasesAreRefusedAndNothingIsStored() {
        String project = fixtures.project();
        assertThat(admin().post("/api/v1/projects/" + project + "/releases", Map.of("version", "1.0.0", "commitSha", "xyz")).status()).isEqualTo(400);
        assertThat(admin().post("/api/v1/projects/" + project + "/releases", Map.of("version", "../etc", "commitSha", "a".repeat(40))).status()).isEqualTo(400);
        assertThat(admin().post("/api/v1/projects/" + project + "/releases", Map.of("version", "1.0.0", "commitSha", "a".repeat(40),
                "artifacts", List.of(Map.of("name", "a", "sha256", "1".repeat(64)), Map.of("name", "a", "sha256", "2".repeat(64))))).status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/projects/" + project + "/releases").json().get("items")).isEmpty();
        fixtures.release(project, "1.0.0");
        assertThat(admin().post("/api/v1/projects/" + project + "/releases", Map.of("version", "1.0.0", "commitSha", "b".repeat(40))).status()).isEqualTo(409);
    }
}
