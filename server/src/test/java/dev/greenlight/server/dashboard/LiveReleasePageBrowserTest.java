package dev.greenlight.server.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.browser.BrowserTest;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.TestPacks;

/** The release page updates itself, without a reload, when evidence arrives and a waiver is decided through the API. */
class LiveReleasePageBrowserTest extends BrowserTest {

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
}
