package dev.greenlight.server.waivers;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.HttpResult;

/** A waiver request that breaks a rule is refused, names the field, and leaves neither a row nor a ledger entry. */
class WaiverValidationTest extends GatePortsIntegrationTest {

    @Test
    void expiryBeyondTheMaximumDurationIsRefused() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        int ledgerBefore = ledgerSize(project);

        HttpResult refused = developer.api().post(waivers(project), waiverRequest("prod", "vulns.no-critical",
                Instant.now().plus(31, ChronoUnit.DAYS)));

        assertProblem(refused, 400, "validation-failed");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("30 days");
        assertNothingRecorded(project, ledgerBefore);
        assertThat(developer.api().post(waivers(project), waiverRequest("prod", "vulns.no-critical",
                Instant.now().plus(29, ChronoUnit.DAYS))).status()).as("within the maximum").isEqualTo(201);
    }

    @Test
    void expiryInThePastIsRefused() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        int ledgerBefore = ledgerSize(project);

        HttpResult refused = developer.api().post(waivers(project), waiverRequest("prod", "vulns.no-critical",
                Instant.now().minus(1, ChronoUnit.MINUTES)));

        assertProblem(refused, 400, "validation-failed");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("future");
        assertNothingRecorded(project, ledgerBefore);
    }

    @Test
    void invalidRequestsAreRefusedWithTheFieldAndChangeNothing() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        int ledgerBefore = ledgerSize(project);
        Map<String, Object> valid = waiverRequest("prod", "vulns.no-critical", Instant.now().plus(1, ChronoUnit.DAYS));
        Map<String, Object> invalidValues = Map.of(
                "reason", "x".repeat(2001),
                "ticket", "SEC-1\nSEC-2",
                "rule", "two words",
                "environment", "qa");
        for (Map.Entry<String, Object> invalid : invalidValues.entrySet()) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(invalid.getKey(), invalid.getValue());
            HttpResult refused = developer.api().post(waivers(project), body);
            assertProblem(refused, 400, "validation-failed");
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(invalid.getKey()).contains(invalid.getKey());
        }
        for (String required : List.of("environment", "rule", "reason", "ticket", "expiresAt")) {
            Map<String, Object> body = new HashMap<>(valid);
            body.remove(required);
            HttpResult refused = developer.api().post(waivers(project), body);
            assertProblem(refused, 400, "validation-failed");
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(required).contains(required);
        }
        Map<String, Object> blankReason = new HashMap<>(valid);
        blankReason.put("reason", "   ");
        assertProblem(developer.api().post(waivers(project), blankReason), 400, "validation-failed");
        Map<String, Object> notAnInstant = new HashMap<>(valid);
        notAnInstant.put("expiresAt", "next tuesday");
        assertProblem(developer.api().post(waivers(project), notAnInstant), 400, "malformed-body");
        assertNothingRecorded(project, ledgerBefore);
    }

    @Test
    void aRuleTheGateDoesNotHaveCannotBeWaived() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        int ledgerBefore = ledgerSize(project);

        HttpResult refused = developer.api().post(waivers(project), waiverRequest("prod", GatePortFakes.UNKNOWN_RULE_PREFIX + "rule",
                Instant.now().plus(1, ChronoUnit.DAYS)));

        assertProblem(refused, 400, "validation-failed");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("rule");
        assertNothingRecorded(project, ledgerBefore);
    }

    @Test
    void viewerCannotRequestAWaiver() {
        String project = team.project();
        Team.Member viewer = team.serviceAccount(project, "viewer");
        int ledgerBefore = ledgerSize(project);

        assertProblem(viewer.api().post(waivers(project), waiverRequest("prod", "vulns.no-critical", Instant.now().plus(1, ChronoUnit.DAYS))),
                403, "forbidden");
        assertNothingRecorded(project, ledgerBefore);
    }

    @Test
    void decisionsWithoutTheirRequiredTextAreRefusedAndChangeNothing() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(project, "security");
        HttpResult requested = developer.api().post(waivers(project), waiverRequest("prod", "vulns.no-critical", Instant.now().plus(1, ChronoUnit.DAYS)));
        String id = requested.json().get("id").asString();
        int ledgerBefore = ledgerSize(project);

        HttpResult reject = security.api().post("/api/v1/waivers/" + id + "/reject", Map.of());
        assertProblem(reject, 400, "validation-failed");
        assertThat(reject.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        assertProblem(developer.api().post("/api/v1/waivers/" + id + "/revoke", Map.of("reason", "")), 400, "validation-failed");
        assertProblem(security.api().post("/api/v1/waivers/" + id + "/approve", Map.of("comment", "x".repeat(2001))), 400, "validation-failed");
        assertThat(ledgerSize(project)).isEqualTo(ledgerBefore);
        assertThat(developer.api().get("/api/v1/waivers/" + id).json().get("status").asString()).isEqualTo("requested");
    }

    private void assertNothingRecorded(String project, int ledgerBefore) {
        assertThat(admin().get(waivers(project)).json().get("items")).isEmpty();
        assertThat(ledgerSize(project)).isEqualTo(ledgerBefore);
    }
}
