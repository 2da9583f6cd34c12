package dev.greenlight.server.dashboard;

import static dev.greenlight.server.dashboard.DashboardScenario.page;
import static dev.greenlight.server.dashboard.DashboardScenario.releasePage;
import static dev.greenlight.server.dashboard.DashboardScenario.releasePath;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/** The dashboard's pages over HTTP with a signed-in session: what they show, and what their forms do and refuse. */
class DashboardPagesTest extends IntegrationTest {
    private static final Pattern APPROVE_BUTTON = Pattern.compile("<button[^>]*>Approve</button>");

    private DashboardScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
    }

    @Test
    void projectsPageListsOnlyVisibleProjectsWithTheirReadinessPerEnvironment() {
        String blocked = scenario.gatedProject();
        scenario.releaseWithTests(blocked, 1);
        String ready = scenario.gatedProject();
        scenario.releaseWithTests(ready, 0);
        String unreleased = scenario.gatedProject();
        String hidden = scenario.gatedProject();
        String viewer = scenario.user("viewer", blocked);
        for (String project : new String[] {ready, unreleased}) {
            assertThat(admin().put("/api/v1/projects/" + project + "/members/" + viewer, Map.of("roles", java.util.List.of("viewer")))
                    .status()).isEqualTo(200);
        }

        String html = page(scenario.signedIn(viewer), "/projects");

        assertThat(html).contains(blocked).contains(ready).contains(unreleased).doesNotContain(hidden);
        assertThat(rowOf(html, blocked)).contains("state-blocked").contains(">blocked<")
                .contains("href=\"" + releasePage(blocked) + "?environment=prod\"");
        assertThat(rowOf(html, ready)).contains("state-ready").contains(">ready<");
        assertThat(rowOf(html, unreleased)).contains("state-no-release").contains(">no release<");
        assertThat(html).contains("Signed in as").contains(viewer).contains("name=\"_csrf\"");
    }

    @Test
    void projectsPageWithoutProjectsExplainsHowToCreateOne() {
        String stranger = scenario.user(null, null);

        String html = page(scenario.signedIn(stranger), "/projects");

        assertThat(html).contains("No projects yet").contains("greenlight projects create");
    }

    @Test
    void projectsPageWithoutSessionLeadsToSignIn() {
        HttpResult page = new BrowserSession(api.baseUrl()).getPage("/projects");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }

    @Test
    void releasePageShowsBlockersFirstAndDisablesApprovalUntilTheBlockerIsWaived() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        String developer = scenario.user("developer", project);
        String security = scenario.user("security", project);
        BrowserSession developerBrowser = scenario.signedIn(developer);

        String blocked = page(developerBrowser, releasePage(project));
        assertThat(blocked).contains("Blocked").contains("Blocker");
        assertThat(blocked.indexOf("tests-pass")).as("the blocker comes before the warning").isLessThan(blocked.indexOf("has-sbom"));
        assertThat(blocked).contains("Fix the failing tests or quarantine them.").contains("href=\"https://example.org/runbooks/tests\"")
                .contains("tests.failed = 1");
        assertThat(approveButton(blocked)).contains("disabled");
        assertThat(blocked).contains("Approval is not possible while a blocker remains");
        assertThat(blocked).contains(".tlog-proof").contains("/api/v1/ledger/default/entries/").contains("/content\"");

        HttpResult requested = developerBrowser.submitForm(releasePage(project) + "/waivers", waiverForm(project, BrowserSession.csrfTokenIn(blocked),
                "Known flaky test, fix in progress"));
        assertThat(page(developerBrowser, redirectTarget(requested))).contains("requested; a security lead or release captain")
                .doesNotContain("Approve waiver");

        BrowserSession securityBrowser = scenario.signedIn(security);
        String forSecurity = page(securityBrowser, releasePage(project));
        Matcher approveWaiver = Pattern.compile("action=\"([^\"]*/waivers/[0-9a-f-]+/approve)\"").matcher(forSecurity);
        assertThat(approveWaiver.find()).as("an approve form for the requested waiver").isTrue();
        HttpResult approved = securityBrowser.submitForm(approveWaiver.group(1),
                Map.of("_csrf", BrowserSession.csrfTokenIn(forSecurity), "environment", "prod"));
        assertThat(approved.status()).isEqualTo(302);

        String waived = page(developerBrowser, releasePage(project));
        assertThat(approveButton(waived)).doesNotContain("disabled");
        assertThat(waived).contains("Waived").doesNotContain("Approval is not possible");
        HttpResult approval = developerBrowser.submitForm(releasePage(project) + "/approvals",
                Map.of("_csrf", BrowserSession.csrfTokenIn(waived), "environment", "prod", "role", "developer"));
        assertThat(page(developerBrowser, redirectTarget(approval))).contains("approved for prod as developer").contains("— counts");
    }

    @Test
    void waiverWithoutReasonShowsTheErrorBesideTheFieldAndChangesNothing() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession browser = scenario.signedIn(scenario.user("developer", project));
        String before = page(browser, releasePage(project));

        HttpResult refused = browser.submitForm(releasePage(project) + "/waivers", waiverForm(project, BrowserSession.csrfTokenIn(before), ""));

        String after = page(browser, redirectTarget(refused));
        assertThat(after).containsPattern("id=\"waiver-reason\"[^>]*aria-invalid=\"true\"")
                .contains("id=\"waiver-reason-error\"").contains("This field is required.")
                .contains("value=\"OPS-42\"").contains("No waivers for this environment.");
        assertThat(admin().get(releasePath(project) + "/waivers").json().get("items").size()).isZero();
    }

    @Test
    void formPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession browser = scenario.signedIn(scenario.user("developer", project));
        page(browser, releasePage(project));

        Map<String, String> form = waiverForm(project, null, "Known flaky test");
        HttpResult refused = browser.submitForm(releasePage(project) + "/waivers", form);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin().get(releasePath(project) + "/waivers").json().get("items").size()).isZero();
    }

    @Test
    void decisionIsRecordedAndItsReplayIsIdentical() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession browser = scenario.signedIn(scenario.user("developer", project));
        String before = page(browser, releasePage(project));

        HttpResult recorded = browser.submitForm(releasePage(project) + "/decisions",
                Map.of("_csrf", BrowserSession.csrfTokenIn(before), "environment", "prod"));
        String withDecision = page(browser, redirectTarget(recorded));
        assertThat(withDecision).contains("Decision recorded: blocked").contains("/api/v1/decisions/");
        Matcher replay = Pattern.compile("action=\"([^\"]*/decisions/[0-9a-f-]+/replay)\"").matcher(withDecision);
        assertThat(replay.find()).isTrue();

        HttpResult replayed = browser.submitForm(replay.group(1), Map.of("_csrf", BrowserSession.csrfTokenIn(withDecision), "environment", "prod"));
        assertThat(page(browser, redirectTarget(replayed))).contains("Replay identical");
    }

    @Test
    void releasePageOfAnInvisibleProjectIsNotFound() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 0);
        BrowserSession stranger = scenario.signedIn(scenario.user(null, null));

        HttpResult page = stranger.getPage(releasePage(project));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("No project").doesNotContain("Exception");
        DashboardScenario.assertWellFormed(page.body());
    }

    private static Map<String, String> waiverForm(String project, String csrfToken, String reason) {
        Map<String, String> form = new LinkedHashMap<>();
        if (csrfToken != null) {
            form.put("_csrf", csrfToken);
        }
        form.put("environment", "prod");
        form.put("rule", "tests-pass");
        form.put("reason", reason);
        form.put("ticket", "OPS-42");
        form.put("expiresAt", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
        return form;
    }

    /**
     * Where a form's post/redirect/get sends the browser: back to the release page of the form's environment, whose
     * flash message only shows there.
     */
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

    /** The table row of one project. */
    private static String rowOf(String html, String project) {
        Matcher row = Pattern.compile("<tr>(?:(?!</tr>).)*?>" + Pattern.quote(project) + "<(?:(?!</tr>).)*</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("a row for " + project).isTrue();
        return row.group();
    }
}
