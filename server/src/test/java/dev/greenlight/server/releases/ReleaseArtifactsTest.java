package dev.greenlight.server.releases;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Replacing a release's artifacts: the digest approvals bind to changes, and the ledger says from what to what. */
class ReleaseArtifactsTest extends IntegrationTest {
    private static final Map<String, Object> JAR = Map.of("name", "app.jar", "sha256", "a".repeat(64));
    private static final Map<String, Object> IMAGE = Map.of("name", "image.tar", "sha256", "B".repeat(64));

    @Test
    void replacingTheArtifactsRecordsTheDigestsBeforeAndAfter() {
        String project = fixtures.project();
        Api developer = api.as(fixtures.keyWithRole("developer", project));
        String release = release(project, List.of(JAR));
        String before = admin().get(release).json().get("artifactsDigest").asString();

        HttpResult replaced = developer.put(release + "/artifacts", Map.of("artifacts", List.of(JAR, IMAGE)));

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        String after = replaced.json().get("artifactsDigest").asString();
        assertThat(after).isNotEqualTo(before).matches("[0-9a-f]{64}");
        assertThat(replaced.json().get("artifacts").findValuesAsString("sha256")).containsExactly("a".repeat(64), "b".repeat(64));
        assertThat(admin().get(release).json().get("artifactsDigest").asString()).isEqualTo(after);
        JsonNode entry = entries(project, "release.artifacts-changed").getFirst();
        JsonNode subject = entry.get("entry").get("subject");
        assertThat(subject.get("release").asString()).isEqualTo("1.0.0");
        assertThat(subject.get("before").asString()).isEqualTo(before);
        assertThat(subject.get("after").asString()).isEqualTo(after);
        assertThat(subject.get("artifacts").findValuesAsString("name")).containsExactly("app.jar", "image.tar");
    }

    @Test
    void theSameArtifactsAgainInAnotherOrderChangeNothing() {
        String project = fixtures.project();
        String release = release(project, List.of(JAR, IMAGE));
        String digest = admin().get(release).json().get("artifactsDigest").asString();

        HttpResult again = admin().put(release + "/artifacts", Map.of("artifacts", List.of(IMAGE, JAR)));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("artifactsDigest").asString()).isEqualTo(digest);
        assertThat(entries(project, "release.artifacts-changed")).isEmpty();
    }

    @Test
    void invalidArtifactsAreRefusedAndNothingChanges() {
        String project = fixtures.project();
        String release = release(project, List.of(JAR));
        String digest = admin().get(release).json().get("artifactsDigest").asString();

        assertProblem(admin().put(release + "/artifacts", Map.of("artifacts", List.of(JAR, JAR))), 400, "bad-request");
        assertProblem(admin().put(release + "/artifacts", Map.of("artifacts", List.of(Map.of("name", "app.jar", "sha256", "xyz")))),
                400, "validation-failed");
        assertProblem(admin().put(release + "/artifacts", Map.of()), 400, "validation-failed");
        assertProblem(admin().put(release + "/artifacts", Map.of("artifacts", java.util.Collections.nCopies(101, JAR))), 400, "validation-failed");
        assertThat(admin().get(release).json().get("artifactsDigest").asString()).isEqualTo(digest);
        assertThat(entries(project, "release.artifacts-changed")).isEmpty();
    }

    @Test
    void viewerCannotReplaceArtifactsAndAnUnknownReleaseIsNotFound() {
        String project = fixtures.project();
        String release = release(project, List.of(JAR));
        Api viewer = api.as(fixtures.keyWithRole("viewer", project));

        assertProblem(viewer.put(release + "/artifacts", Map.of("artifacts", List.of(IMAGE))), 403, "forbidden");
        assertProblem(admin().put("/api/v1/projects/" + project + "/releases/9.9.9/artifacts", Map.of("artifacts", List.of(IMAGE))),
                404, "not-found");
        assertThat(entries(project, "release.artifacts-changed")).isEmpty();
    }

    private String release(String project, List<Map<String, Object>> artifacts) {
        HttpResult created = admin().post("/api/v1/projects/" + project + "/releases",
                Map.of("version", "1.0.0", "commitSha", "c".repeat(40), "artifacts", artifacts));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return "/api/v1/projects/" + project + "/releases/1.0.0";
    }

    private List<JsonNode> entries(String project, String kind) {
        return admin().get("/api/v1/ledger/default/entries?kind=" + kind + "&project=" + project).json().get("items").values().stream().toList();
    }
}
