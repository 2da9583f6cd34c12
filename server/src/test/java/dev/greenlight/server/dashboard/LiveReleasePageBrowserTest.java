package dev.greenlight.server.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.server.browser.BrowserTest;
import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.TestPacks;

/** The release page updates itself, without a reload, when evidence arrives and a waiver is decided through the API. */
class LiveReleasePageBrowserTest extends BrowserTest {
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void evidenceAndAWaiverDecisionAppearWithoutReload() {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        String viewer = scenario.user("developer", project);

        signIn(viewer, PASSWORD);
        page.navigate(url(DashboardScenario.releasePage(project) + "?environment=prod"));
        assertThat(page.locator("#live-status")).hasText("Live updates on.");
        assertThat(page.locator("#live-evidence tbody tr")).hasCount(1);
        assertThat(page.locator(".verdict")).containsText("Blocked");
        page.locator("#main").evaluate("main => main.setAttribute('data-test-loaded', 'once')");

        HttpResult uploaded = admin().postBytes(DashboardScenario.releasePath(project) + "/evidence", TestPacks.junit(2), "application/xml");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(page.locator("#live-evidence tbody tr")).hasCount(2);
        assertThat(page.locator("#live-status")).containsText("new evidence");

        HttpResult requested = api.as(fixtures.keyWithRole("developer", project)).post("/api/v1/projects/" + project
                + "/releases/1.0.0/waivers", Map.of("environment", "prod", "rule", "tests-pass", "reason", "Sandbox flakes since Monday.",
                "ticket", "PAY-42", "expiresAt", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(page.locator("#live-waivers tbody")).containsText("requested");
        String id = requested.json().get("id").asString();
        HttpResult approved = api.as(fixtures.keyWithRole("security", project)).post("/api/v1/waivers/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(page.locator("#live-waivers tbody")).containsText("approved");
        assertThat(page.locator(".verdict")).containsText("Ready");

        // Still the same document: nothing reloaded it.
        assertThat(page.locator("#main")).hasAttribute("data-test-loaded", "once");
        assertThat(cspViolations()).isEmpty();
        assertAccessible(page);
        screenshot(page, "release-live");
    }

    @Test
    void aPagedEvidenceListStaysOnItsPageWhenNewEvidenceRefreshesIt() {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        fixtures.release(project, DashboardScenario.VERSION);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < ReleaseListCursors.PAGE_SIZE + 2; i++) {
            files.put("evidence-" + i + ".xml", TestPacks.junit(i));
        }
        assertThat(admin().postFiles(DashboardScenario.releasePath(project) + "/evidence", files).status()).isEqualTo(201);
        signIn(scenario.user("developer", project), PASSWORD);
        page.navigate(url(DashboardScenario.releasePage(project) + "?environment=prod"));
        assertThat(page.locator("#live-evidence tbody tr")).hasCount(ReleaseListCursors.PAGE_SIZE);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page of evidence")).click();
        assertThat(page.locator("#live-evidence tbody tr")).hasCount(2);
        assertThat(page.locator("#live-status")).hasText("Live updates on.");
        String secondPage = page.locator("#live-evidence tbody").innerText();

        HttpResult uploaded = admin().postBytes(DashboardScenario.releasePath(project) + "/evidence", TestPacks.junit(99), "application/xml");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

        assertThat(page.locator("#live-status")).containsText("new evidence");
        // Refreshed with the page's own cursor: still the second page's two rows, not the first page of 25.
        assertThat(page.locator("#live-evidence tbody tr")).hasCount(2);
        assertThat(page.locator("#live-evidence tbody")).hasText(secondPage);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First page of evidence"))).isVisible();
        assertAccessible(page);
        screenshot(page, "release-evidence-second-page");
    }

    @Test
    void aChangeOfOnePartRefreshesOnlyTheSectionsThatShowIt() {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        signIn(scenario.user("developer", project), PASSWORD);
        page.navigate(url(DashboardScenario.releasePage(project) + "?environment=prod"));
        assertThat(page.locator("#live-status")).hasText("Live updates on.");
        page.locator("#live-evidence").evaluate("section => section.setAttribute('data-test-untouched', 'yes')");
        page.locator("#live-promotions").evaluate("section => section.setAttribute('data-test-stale', 'yes')");
        UUID workspace = jdbc.sql("select id from workspaces where slug = 'default'").query(UUID.class).single();

        publisher.publishEvent(new ReleaseChanged(workspace, project, DashboardScenario.VERSION, "prod", ReleaseChanged.Kind.PROMOTIONS));

        assertThat(page.locator("#live-status")).containsText("promotions changed");
        assertThat(page.locator("#live-promotions")).not().hasAttribute("data-test-stale", "yes");
        assertThat(page.locator("#live-evidence")).hasAttribute("data-test-untouched", "yes");
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void whenTheServerMissedChangesThePageRefreshesEverySection() {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        signIn(scenario.user("developer", project), PASSWORD);
        page.navigate(url(DashboardScenario.releasePage(project) + "?environment=prod"));
        assertThat(page.locator("#live-status")).hasText("Live updates on.");
        for (String section : List.of("#live-evidence", "#live-decisions", "#live-waivers")) {
            page.locator(section).evaluate("element => element.setAttribute('data-test-stale', 'yes')");
        }

        // Cut this node's connection to PostgreSQL's notifications: it reconnects and tells every page to catch up.
        jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'greenlight-release-changes' "
                + "and datname = current_database()").query(Boolean.class).list();

        // The driver usually sees the cut at once; when it does not, the feed's liveness check (every 5 s) finds it.
        assertThat(page.locator("#live-status")).containsText("the server missed changes for a while",
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        for (String section : List.of("#live-evidence", "#live-decisions", "#live-waivers")) {
            assertThat(page.locator(section)).not().hasAttribute("data-test-stale", "yes");
        }
        assertThat(page.locator("#live-evidence tbody tr")).hasCount(1);
    }
}
