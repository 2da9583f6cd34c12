package dev.greenlight.server.gates;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.testing.TestPacks;
import tools.jackson.databind.JsonNode;

class GatesTest extends IntegrationTest {

    @Test
    void aPackIsUploadedOnceActivatedAfterItsTestsAndNeverChangedUnderItsVersion() {
        String id = packId();
        HttpResult created = upload(TestPacks.strict(id, "1.0.0"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("active").asBoolean()).isFalse();
        assertThat(created.json().get("rules").size()).isEqualTo(2);
        assertThat(created.json().get("sha256").asString()).isEqualTo(sha256(TestPacks.strict(id, "1.0.0")));
        assertThat(upload(TestPacks.strict(id, "1.0.0")).status()).isEqualTo(200);
        byte[] otherText = new String(TestPacks.strict(id, "1.0.0"), StandardCharsets.UTF_8)
                .replace("Tests must pass", "Tests really must pass").getBytes(StandardCharsets.UTF_8);
        assertProblem(upload(otherText), 409, "conflict");

        HttpResult activated = admin().post("/api/v1/policies/" + id + "/versions/1.0.0/activate", Map.of());
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.json().get("active").asBoolean()).isTrue();
        assertThat(admin().get("/api/v1/policies/" + id).json().get("activeVersion").asString()).isEqualTo("1.0.0");
        assertThat(ledgerEntries("policy.uploaded", null)).anyMatch(one -> one.get("entry").get("subject").get("pack").asString().equals(id));
        assertThat(ledgerEntries("policy.activated", null)).anyMatch(one -> one.get("entry").get("subject").get("pack").asString().equals(id));

        byte[] source = admin().getBytes("/api/v1/policies/" + id + "/versions/1.0.0/source", Map.of()).body();
        assertThat(source).isEqualTo(TestPacks.strict(id, "1.0.0"));
        assertThat(admin().get("/api/v1/policies").json().get("items").values().stream().map(one -> one.get("id").asString()))
                .contains("greenlight/baseline", id);
    }

    @Test
    void aPackWhoseTestsFailStaysInactive() {
        String id = packId();
        assertThat(upload(TestPacks.withFailingTest(id)).status()).isEqualTo(201);
        HttpResult refused = admin().post("/api/v1/policies/" + id + "/versions/1.0.0/activate", Map.of());
        assertProblem(refused, 422, "policy-tests-failed");
        assertThat(refused.json().get("failures").get(0).get("test").asString()).isEqualTo("wrong expectation");
        assertThat(refused.json().get("failures").get(0).get("expected").asString()).isEqualTo("fail");
        assertThat(refused.json().get("failures").get(0).get("actual").asString()).isEqualTo("pass");
        assertThat(admin().get("/api/v1/policies/" + id).json().get("activeVersion").isNull()).isTrue();
    }

    @Test
    void aPackThatDoesNotCompileIsRefusedWithEveryProblemAndNothingIsKept() {
        String id = packId();
        HttpResult refused = upload(TestPacks.unknownFact(id));
        assertProblem(refused, 422, "invalid-policy");
        assertThat(refused.json().get("problems").get(0).get("rule").asString()).isEqualTo("speed");
        assertThat(refused.json().get("problems").get(0).get("message").asString()).contains("warpFactor");
        assertProblem(admin().get("/api/v1/policies/" + id), 404, "not-found");
        assertProblem(upload(TestPacks.strict("greenlight/mine", "1.0.0")), 400, "validation-failed");
    }

    @Test
    void readinessExplainsEachRuleAndFollowsTheEvidenceAndTheGate() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, "1.0.0");
        String pack = activePack();
        assertThat(admin().put(gate(project), Map.of("pack", pack)).status()).isEqualTo(200);

        JsonNode empty = readiness(project);
        assertThat(empty.get("verdict").asString()).isEqualTo("blocked");
        assertThat(empty.get("pack").get("id").asString()).isEqualTo(pack);
        assertThat(rule(empty, "tests-pass").get("outcome").asString()).isEqualTo("missing-evidence");
        assertThat(rule(empty, "tests-pass").get("missingEvidence").values().stream().map(JsonNode::asString)).containsExactly("tests");
        assertThat(empty.get("blockers").get(0).get("rule").asString()).isEqualTo("tests-pass");
        assertThat(empty.get("blockers").get(0).get("remediation").asString()).startsWith("Fix the failing tests");
        assertThat(empty.get("blockers").get(0).get("remediationLink").asString()).isEqualTo("https://example.org/runbooks/tests");
        assertThat(empty.get("score").asInt()).isZero();

        uploadEvidence(project, TestPacks.junit(1));
        JsonNode failing = readiness(project);
        assertThat(rule(failing, "tests-pass").get("outcome").asString()).isEqualTo("fail");
        assertThat(rule(failing, "tests-pass").get("values").get("tests.failed").asLong()).isEqualTo(1);
        assertThat(rule(failing, "tests-pass").get("values").get("params.maxFailed").asLong()).isZero();
        assertThat(failing.get("evidence").size()).isEqualTo(1);

        HttpResult tolerant = admin().put(gate(project), Map.of("pack", pack, "parameters", Map.of("maxFailed", 1)));
        assertThat(tolerant.status()).as(tolerant.toString()).isEqualTo(200);
        JsonNode ready = readiness(project);
        assertThat(ready.get("verdict").asString()).isEqualTo("ready");
        assertThat(rule(ready, "tests-pass").get("outcome").asString()).isEqualTo("pass");
        // The warning lacks its SBOM: it does not block, but it costs its weight (1 of 4).
        assertThat(rule(ready, "has-sbom").get("outcome").asString()).isEqualTo("missing-evidence");
        assertThat(ready.get("score").asInt()).isEqualTo(75);
        assertThat(ready.get("blockers").size()).isZero();
    }

    @Test
    void missingApprovalsAndAFreezeBlockAReadyRelease() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, "1.0.0");
        String pack = activePack();
        uploadEvidence(project, TestPacks.junit(0));
        assertThat(admin().put(gate(project), Map.of("pack", pack)).status()).isEqualTo(200);
        assertThat(readiness(project).get("verdict").asString()).isEqualTo("ready");

        assertThat(admin().put(gate(project), Map.of("pack", pack, "requiredApprovals", List.of(Map.of("role", "security", "count", 2))))
                .status()).isEqualTo(200);
        JsonNode awaiting = readiness(project);
        assertThat(awaiting.get("verdict").asString()).isEqualTo("blocked");
        assertThat(awaiting.get("blockers").size()).isZero();
        assertThat(awaiting.get("approvals").get("missing").get(0).get("role").asString()).isEqualTo("security");
        assertThat(awaiting.get("approvals").get("missing").get(0).get("missing").asInt()).isEqualTo(2);

        HttpResult frozen = admin().put(gate(project), Map.of("pack", pack,
                "freezeWindows", List.of(Map.of("cron", "* * * * *", "duration", "PT2H", "zone", "Europe/Berlin", "reason", "code freeze"))));
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
        JsonNode inFreeze = readiness(project);
        assertThat(inFreeze.get("verdict").asString()).isEqualTo("blocked");
        assertThat(inFreeze.get("freeze").get("reason").asString()).isEqualTo("code freeze");
        assertThat(inFreeze.get("freeze").get("until").asString()).isNotBlank();
    }

    @Test
    void badGateSettingsAreRefusedAndChangeNothing() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        String pack = activePack();
        assertThat(admin().put(gate(project), Map.of("pack", pack, "parameters", Map.of("maxFailed", 2))).status()).isEqualTo(200);
        String before = admin().get(gate(project)).body();
        int entries = ledgerEntries("gate.changed", project).size();

        assertInvalid(admin().put(gate(project), Map.of("pack", pack, "parameters", Map.of("maxFailed", "many"))), "parameters.maxFailed");
        assertInvalid(admin().put(gate(project), Map.of("pack", pack, "parameters", Map.of("speed", 1))), "parameters.speed");
        assertInvalid(admin().put(gate(project), Map.of("pack", "acme/nothing-here")), "pack");
        assertInvalid(admin().put(gate(project), Map.of("requiredApprovals", List.of(Map.of("role", "viewer")))), "requiredApprovals[0].role");
        assertInvalid(admin().put(gate(project), Map.of("requiredApprovals", List.of(Map.of("role", "security", "count", 0)))),
                "requiredApprovals[0].count");
        assertInvalid(admin().put(gate(project), Map.of("freezeWindows", List.of(Map.of("cron", "61 * * * *", "duration", "PT1H", "zone", "UTC")))),
                "freezeWindows[0].cron");
        assertInvalid(admin().put(gate(project), Map.of("freezeWindows", List.of(Map.of("cron", "0 18 * * 5", "duration", "P40D", "zone", "UTC")))),
                "freezeWindows[0].duration");
        assertInvalid(admin().put(gate(project), Map.of("freezeWindows", List.of(Map.of("cron", "0 18 * * 5", "duration", "PT1H", "zone", "Mars/Olympus")))),
                "freezeWindows[0].zone");

        assertThat(admin().get(gate(project)).body()).isEqualTo(before);
        assertThat(ledgerEntries("gate.changed", project)).hasSize(entries);
    }

    @Test
    void aDecisionKeepsItsInputsAndReplaysToTheSameVerdictOrShowsWhatTodaysPackChanges() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, "1.0.0");
        String pack = packId();
        assertThat(upload(TestPacks.strict(pack, "1.0.0")).status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/policies/" + pack + "/versions/1.0.0/activate", Map.of()).status()).isEqualTo(200);
        assertThat(admin().put(gate(project), Map.of("pack", pack)).status()).isEqualTo(200);
        uploadEvidence(project, TestPacks.junit(0));

        HttpResult recorded = admin().post(release(project) + "/decisions", Map.of("environment", "prod"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonNode decision = recorded.json();
        assertThat(decision.get("verdict").asString()).isEqualTo("ready");
        String id = decision.get("id").asString();
        String inputs = admin().get("/api/v1/decisions/" + id + "/inputs").body();
        assertThat(sha256(inputs.getBytes(StandardCharsets.UTF_8))).isEqualTo(decision.get("inputsDigest").asString());
        JsonNode entry = admin().get("/api/v1/ledger/default/entries/" + decision.get("ledgerIndex").asLong()).json();
        assertThat(entry.get("kind").asString()).isEqualTo("decision.recorded");
        assertThat(entry.get("entry").get("subject").get("inputsDigest").asString()).isEqualTo(decision.get("inputsDigest").asString());
        assertThat(entry.get("entry").get("subject").get("verdict").asString()).isEqualTo("ready");
        assertThat(admin().get(release(project) + "/decisions?environment=prod").json().get("items").get(0).get("id").asString())
                .isEqualTo(id);

        JsonNode same = admin().post("/api/v1/decisions/" + id + "/replay", Map.of()).json();
        assertThat(same.get("inputsIntact").asBoolean()).isTrue();
        assertThat(same.get("sameInputs").get("identical").asBoolean()).isTrue();
        assertThat(same.get("withTodaysPack").get("identical").asBoolean()).isTrue();

        // New evidence after the decision does not touch its inputs; a new pack version changes today's verdict.
        uploadEvidence(project, TestPacks.junit(3));
        assertThat(upload(TestPacks.strict(pack, "2.0.0")).status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/policies/" + pack + "/versions/2.0.0/activate", Map.of()).status()).isEqualTo(200);
        JsonNode replayed = admin().post("/api/v1/decisions/" + id + "/replay", Map.of()).json();
        assertThat(replayed.get("sameInputs").get("identical").asBoolean()).isTrue();
        assertThat(replayed.get("sameInputs").get("pack").get("version").asString()).isEqualTo("1.0.0");
        JsonNode today = replayed.get("withTodaysPack");
        assertThat(today.get("identical").asBoolean()).isFalse();
        assertThat(today.get("pack").get("version").asString()).isEqualTo("2.0.0");
        assertThat(today.get("differences").values().stream().map(one -> one.get("field").asString()))
                .contains("verdict", "rules.no-critical");
    }

    @Test
    void aWaiverAndAnApprovalFromOthersTakeABlockedReleaseToReady() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, "1.0.0");
        String pack = activePack();
        assertThat(admin().put(gate(project), Map.of("pack", pack, "requiredApprovals", List.of(Map.of("role", "security", "count", 1))))
                .status()).isEqualTo(200);
        uploadEvidence(project, TestPacks.junit(1));
        String developer = fixtures.keyWithRole("developer", project);
        String security = fixtures.keyWithRole("security", project);
        Map<String, Object> approval = Map.of("environment", "prod", "role", "security");

        // A failing blocker: nobody approves yet.
        assertProblem(api.as(security).post(release(project) + "/approvals", approval), 409, "conflict");
        HttpResult requested = api.as(developer).post(release(project) + "/waivers", Map.of("environment", "prod", "rule", "tests-pass",
                "reason", "flaky payment sandbox", "ticket", "PAY-42", "expiresAt", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString()));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String waiver = requested.json().get("id").asString();
        assertProblem(api.as(developer).post("/api/v1/waivers/" + waiver + "/approve", Map.of()), 403, "forbidden");
        assertThat(readiness(project).get("blockers").size()).isEqualTo(1);
        HttpResult approved = api.as(security).post("/api/v1/waivers/" + waiver + "/approve", Map.of("comment", "sandbox known bad"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        JsonNode waived = readiness(project);
        assertThat(rule(waived, "tests-pass").get("outcome").asString()).isEqualTo("waived");
        assertThat(rule(waived, "tests-pass").get("waiver").get("ticket").asString()).isEqualTo("PAY-42");
        assertThat(waived.get("blockers").size()).isZero();
        assertThat(waived.get("verdict").asString()).isEqualTo("blocked");
        assertThat(waived.get("approvals").get("missing").get(0).get("role").asString()).isEqualTo("security");

        HttpResult given = api.as(security).post(release(project) + "/approvals", approval);
        assertThat(given.status()).as(given.toString()).isEqualTo(201);
        assertThat(readiness(project).get("verdict").asString()).isEqualTo("ready");
        JsonNode decision = admin().post(release(project) + "/decisions", Map.of("environment", "prod")).json();
        JsonNode subject = admin().get("/api/v1/ledger/default/entries/" + decision.get("ledgerIndex").asLong()).json().get("entry").get("subject");
        assertThat(subject.get("verdict").asString()).isEqualTo("ready");
        assertThat(subject.get("waivers").get(0).asString()).isEqualTo(waiver);
        assertThat(subject.get("approvals").get(0).asString()).isEqualTo(given.json().get("id").asString());
    }

    @Test
    void theBuiltInBaselineDecidesWhenNothingElseIsChosen() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, "1.0.0");
        JsonNode report = readiness(project);
        assertThat(report.get("pack").get("id").asString()).isEqualTo("greenlight/baseline");
        assertThat(report.get("verdict").asString()).isEqualTo("blocked");
        assertThat(report.get("rules").values().stream().map(one -> one.get("outcome").asString())).containsOnly("missing-evidence");
        assertThat(admin().get("/api/v1/projects/" + project + "/policy").json().get("inherited").asBoolean()).isTrue();
    }

    @Test
    void decisionsOfAnotherTeamsProjectDoNotExistForOthers() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, "1.0.0");
        String id = admin().post(release(project) + "/decisions", Map.of("environment", "prod")).json().get("id").asString();
        String stranger = fixtures.keyWithRole("viewer", fixtures.project());
        assertProblem(api.as(stranger).get("/api/v1/decisions/" + id), 404, "not-found");
        assertProblem(api.as(stranger).post("/api/v1/decisions/" + id + "/replay", Map.of()), 404, "not-found");
        String developer = fixtures.keyWithRole("viewer", project);
        assertProblem(api.as(developer).post(release(project) + "/decisions", Map.of("environment", "prod")), 403, "forbidden");
        assertThat(api.as(developer).get("/api/v1/decisions/" + id).status()).isEqualTo(200);
    }

    private HttpResult upload(byte[] yaml) {
        return admin().postBytes("/api/v1/policies", yaml, "application/yaml");
    }

    private String activePack() {
        String id = packId();
        assertThat(upload(TestPacks.strict(id, "1.0.0")).status()).isEqualTo(201);
        HttpResult activated = admin().post("/api/v1/policies/" + id + "/versions/1.0.0/activate", Map.of());
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return id;
    }

    private void uploadEvidence(String project, byte[] junit) {
        HttpResult uploaded = admin().postBytes(release(project) + "/evidence", junit, "application/xml");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }

    private JsonNode readiness(String project) {
        HttpResult report = admin().get(release(project) + "/readiness?environment=prod");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json();
    }

    /** Entries of one kind (of one project, unless null), as far as the first 200 of them. */
    private List<JsonNode> ledgerEntries(String kind, String project) {
        String query = "/api/v1/ledger/default/entries?limit=200&kind=" + kind + (project == null ? "" : "&project=" + project);
        return admin().get(query).json().get("items").values().stream().toList();
    }

    private static void assertInvalid(HttpResult result, String field) {
        assertProblem(result, 400, "validation-failed");
        assertThat(result.json().get("errors").get(0).get("field").asString()).as(result.toString()).isEqualTo(field);
    }

    private static JsonNode rule(JsonNode report, String id) {
        return report.get("rules").values().stream().filter(one -> one.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static String gate(String project) {
        return "/api/v1/projects/" + project + "/environments/prod/gate";
    }

    private static String release(String project) {
        return "/api/v1/projects/" + project + "/releases/1.0.0";
    }

    private static String packId() {
        return "acme/" + Fixtures.unique("strict");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
