package dev.greenlight.server.dashboard;

import static dev.greenlight.server.dashboard.DashboardScenario.page;
import static dev.greenlight.server.dashboard.DashboardScenario.releasePage;
import static dev.greenlight.server.dashboard.DashboardScenario.releasePath;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/** The release page's forms that end waivers and approvals: reject, revoke, withdraw, over HTTP with signed-in sessions. */
class DashboardWaiverFormsTest extends IntegrationTest {
    private static final Pattern APPROVE_BUTTON = Pattern.compile("<button[^>]*>Approve</button>");

    private DashboardScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
    }

    @Test
    void securityRejectsARequestedWaiverWithAComment() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        requestWaiver(scenario.signedIn(scenario.user("developer", project)), project);
        BrowserSession security = scenario.signedIn(scenario.user("security", project));
        String before = page(security, releasePage(project));

        HttpResult rejected = security.submitForm(action(before, "reject"),
                Map.of("_csrf", BrowserSession.csrfTokenIn(before), "environment", "prod", "comment", "Fix the test instead"));

        String after = page(security, redirectTarget(rejected));
        assertThat(after).containsPattern("Waiver of \\S*tests-pass\\S* rejected\\.").contains(">rejected<").doesNotContain("Reject waiver");
        assertThat(onlyWaiver(project).get("status").asString()).isEqualTo("rejected");
        List<JsonNode> entries = ledgerEntries(project, "waiver.rejected");
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().toString()).contains("Fix the test instead");
    }

    @Test
    void rejectWithoutCommentShowsTheErrorBesideTheFieldAndChangesNothing() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        requestWaiver(scenario.signedIn(scenario.user("developer", project)), project);
        BrowserSession security = scenario.signedIn(scenario.user("security", project));
        String before = page(security, releasePage(project));

        HttpResult refused = security.submitForm(action(before, "reject"),
                Map.of("_csrf", BrowserSession.csrfTokenIn(before), "environment", "prod", "comment", "  "));

        String after = page(security, redirectTarget(refused));
        assertThat(after).contains("The waiver was not rejected").containsPattern("id=\"reject-comment-[0-9a-f-]+\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"reject-comment-error-[0-9a-f-]+\"").contains("This field is required.").contains(">requested<");
        assertThat(onlyWaiver(project).get("status").asString()).isEqualTo("requested");
        assertThat(ledgerEntries(project, "waiver.rejected")).isEmpty();
    }

    @Test
    void requesterRevokesAnApprovedWaiverAndTheReleaseIsBlockedAgain() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession developer = scenario.signedIn(scenario.user("developer", project));
        requestWaiver(developer, project);
        BrowserSession security = scenario.signedIn(scenario.user("security", project));
        String forSecurity = page(security, releasePage(project));
        assertThat(security.submitForm(action(forSecurity, "approve"),
                Map.of("_csrf", BrowserSession.csrfTokenIn(forSecurity), "environment", "prod")).status()).isEqualTo(302);
        String waived = page(developer, releasePage(project));
        assertThat(approveButton(waived)).doesNotContain("disabled");

        HttpResult revoked = developer.submitForm(action(waived, "revoke"),
                Map.of("_csrf", BrowserSession.csrfTokenIn(waived), "environment", "prod", "reason", "The test is fixed after all"));

        String after = page(developer, redirectTarget(revoked));
        assertThat(after).containsPattern("Waiver of \\S*tests-pass\\S* revoked;").contains(">revoked<").contains("Blocked")
                .contains("Approval is not possible while a blocker remains").doesNotContain("Revoke waiver");
        assertThat(approveButton(after)).contains("disabled");
        assertThat(onlyWaiver(project).get("status").asString()).isEqualTo("revoked");
        assertThat(ledgerEntries(project, "waiver.revoked")).hasSize(1);
    }

    @Test
    void developerWithdrawsTheirApproval() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 0);
        BrowserSession developer = scenario.signedIn(scenario.user("developer", project));
        String before = page(developer, releasePage(project));
        HttpResult approved = developer.submitForm(releasePage(project) + "/approvals",
                Map.of("_csrf", BrowserSession.csrfTokenIn(before), "environment", "prod", "role", "developer"));
        String withApproval = page(developer, redirectTarget(approved));
        assertThat(withApproval).contains("— counts").contains("Withdraw my approval");
        assertThat(page(scenario.signedIn(scenario.user("developer", project)), releasePage(project)))
                .as("another developer cannot withdraw it").doesNotContain("Withdraw my approval");

        HttpResult withdrawn = developer.submitForm(action(withApproval, "withdraw"),
                Map.of("_csrf", BrowserSession.csrfTokenIn(withApproval), "environment", "prod"));

        String after = page(developer, redirectTarget(withdrawn));
        assertThat(after).contains("was withdrawn").contains("— does not count (withdrawn)").doesNotContain("Withdraw my approval");
        assertThat(ledgerEntries(project, "approval.withdrawn")).hasSize(1);
    }

    @Test
    void developerSeesNoRejectButtonAndRevokesOnlyTheirOwnWaiver() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession requester = scenario.signedIn(scenario.user("developer", project));
        requestWaiver(requester, project);

        assertThat(page(requester, releasePage(project))).doesNotContain("Reject waiver").doesNotContain("/reject\"")
                .contains("Revoke waiver");
        assertThat(page(scenario.signedIn(scenario.user("developer", project)), releasePage(project)))
                .doesNotContain("Reject waiver").doesNotContain("Revoke waiver");
        assertThat(page(scenario.signedIn(scenario.user("security", project)), releasePage(project)))
                .contains("Reject waiver").contains("Revoke waiver");
    }

    private void requestWaiver(BrowserSession browser, String project) {
        String page = page(browser, releasePage(project));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", BrowserSession.csrfTokenIn(page));
        form.put("environment", "prod");
        form.put("rule", "tests-pass");
        form.put("reason", "Known flaky test, fix in progress");
        form.put("ticket", "OPS-42");
        form.put("expiresAt", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
        HttpResult requested = browser.submitForm(releasePage(project) + "/waivers", form);
        assertThat(page(browser, redirectTarget(requested))).contains("requested; a security lead or release captain");
    }

    private JsonNode onlyWaiver(String project) {
        JsonNode items = admin().get(releasePath(project) + "/waivers").json().get("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }

    private List<JsonNode> ledgerEntries(String project, String kind) {
        return admin().get("/api/v1/ledger/default/entries?limit=200&kind=" + kind + "&project=" + project).json().get("items")
                .values().stream().toList();
    }

    /** The action of the page's one form ending in {@code /<verb>} (reject, revoke, approve, withdraw). */
    private static String action(String html, String verb) {
        Matcher form = Pattern.compile("action=\"([^\"]*/(?:waivers|approvals)/[0-9a-f-]+/" + verb + ")\"").matcher(html);
        assertThat(form.find()).as("a " + verb + " form").isTrue();
        return form.group(1);
    }

    private static String redirectTarget(HttpResult posted) {
        assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
        String location = posted.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(location).contains("/releases/").endsWith("?environment=prod");
        return location;
    }

    private static String approveButton(String html) {
        Matcher button = APPROVE_BUTTON.matcher(html);
        assertThat(button.find()).as("an Approve button").isTrue();
        return button.group();
    }
}
