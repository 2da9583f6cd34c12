package dev.greenlight.server.releases;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.workspaces.Workspaces;
import tools.jackson.databind.JsonNode;

/** A release's quarantine list: test ids as evidence facts give them, replaced as a whole, each change recorded. */
class ReleaseQuarantineTest extends IntegrationTest {
    @Autowired
    Releases releases;
    @Autowired
    ProjectCatalog projects;
    @Autowired
    Workspaces workspaces;

    @Test
    void quarantineIsReplacedKeptSortedAndRecorded() {
        String project = fixtures.project();
        fixtures.release(project, "1.0.0");
        Api developer = api.as(fixtures.keyWithRole("developer", project));
        String quarantine = "/api/v1/projects/" + project + "/releases/1.0.0/quarantine";
        assertThat(developer.get(quarantine).json().get("tests")).isEmpty();

        HttpResult set = developer.put(quarantine, Map.of("tests", List.of("shop.CartTest.totalsPrices", "checkout/paysInFull",
                "shop.CartTest.totalsPrices"), "reason", "Flaky since the clock change, see QA-7"));

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("tests").values().stream().map(JsonNode::asString).toList())
                .containsExactly("checkout/paysInFull", "shop.CartTest.totalsPrices");
        assertThat(set.json().get("reason").asString()).isEqualTo("Flaky since the clock change, see QA-7");
        assertThat(set.json().get("updatedBy").asString()).startsWith("bot-");
        assertThat(admin().get(quarantine).json().get("tests")).hasSize(2);
        assertThat(releases.require(projects.require(workspaces.findBySlug("default").orElseThrow().id(), project), "1.0.0").quarantine())
                .as("what the gates read").containsExactly("checkout/paysInFull", "shop.CartTest.totalsPrices");
        JsonNode subject = entries(project).getFirst().get("entry").get("subject");
        assertThat(subject.get("release").asString()).isEqualTo("1.0.0");
        assertThat(subject.get("tests").asInt()).isEqualTo(2);
        assertThat(subject.get("added").values().stream().map(JsonNode::asString).toList()).containsExactly("checkout/paysInFull", "shop.CartTest.totalsPrices");
        assertThat(subject.get("digest").asString()).matches("[0-9a-f]{64}");

        HttpResult same = developer.put(quarantine, Map.of("tests", List.of("checkout/paysInFull", "shop.CartTest.totalsPrices"), "reason", "again"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("reason").asString()).as("nothing changed").isEqualTo("Flaky since the clock change, see QA-7");
        assertThat(entries(project)).hasSize(1);

        HttpResult cleared = developer.put(quarantine, Map.of("tests", List.of(), "reason", "Fixed in QA-7"));
        assertThat(cleared.json().get("tests")).isEmpty();
        assertThat(entries(project)).hasSize(2);
        assertThat(entries(project).getLast().get("entry").get("subject").get("removedCount").asInt()).isEqualTo(2);
    }

    @Test
    void aLongListIsRecordedByItsCountsAndDigest() {
        String project = fixtures.project();
        fixtures.release(project, "1.0.0");
        List<String> tests = IntStream.range(0, 1000).mapToObj(i -> "com.example.generated.VeryLongTestClassName" + i + ".test" + "x".repeat(400)).toList();

        HttpResult set = admin().put("/api/v1/projects/" + project + "/releases/1.0.0/quarantine", Map.of("tests", tests, "reason", "generated"));

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("tests")).hasSize(1000);
        JsonNode subject = entries(project).getFirst().get("entry").get("subject");
        assertThat(subject.get("addedCount").asInt()).isEqualTo(1000);
        assertThat(subject.get("changesListed").asBoolean()).isFalse();
        assertThat(subject.has("added")).isFalse();
    }

    @Test
    void invalidListsAreRefusedAndNothingChanges() {
        String project = fixtures.project();
        fixtures.release(project, "1.0.0");
        String quarantine = "/api/v1/projects/" + project + "/releases/1.0.0/quarantine";
        List<String> tooMany = new ArrayList<>(IntStream.range(0, 1001).mapToObj(i -> "t.T.test" + i).toList());

        assertProblem(admin().put(quarantine, Map.of("tests", tooMany, "reason", "r")), 400, "validation-failed");
        assertProblem(admin().put(quarantine, Map.of("tests", List.of("x".repeat(501)), "reason", "r")), 400, "validation-failed");
        assertProblem(admin().put(quarantine, Map.of("tests", List.of("a.B.c\nd"), "reason", "r")), 400, "validation-failed");
        assertProblem(admin().put(quarantine, Map.of("tests", List.of(""), "reason", "r")), 400, "validation-failed");
        assertProblem(admin().put(quarantine, Map.of("tests", List.of("a.B.c"))), 400, "validation-failed");
        assertProblem(admin().put(quarantine, Map.of("reason", "r")), 400, "validation-failed");
        assertProblem(api.as(fixtures.keyWithRole("viewer", project)).put(quarantine, Map.of("tests", List.of("a.B.c"), "reason", "r")),
                403, "forbidden");
        assertThat(admin().get(quarantine).json().get("tests")).isEmpty();
        assertThat(entries(project)).isEmpty();
    }

    private List<JsonNode> entries(String project) {
        return admin().get("/api/v1/ledger/default/entries?kind=release.quarantine-changed&project=" + project).json()
                .get("items").values().stream().toList();
    }
}
