package dev.greenlight.server.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.server.browser.BrowserTest;

/**
 * The release page in a real browser: a blocked release, a waiver requested by one person and approved by another,
 * the release becoming ready and approved, a decision recorded, replayed and found in the ledger explorer — each page
 * checked with axe and photographed.
 */
class ReleasePageBrowserTest extends BrowserTest {

    @Test
    void aWaiverRequestedByOneAndApprovedByAnotherMakesTheReleaseReady() {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        String developer = scenario.user("developer", project);
        String security = scenario.user("security", project);

        signIn(developer, PASSWORD);
        page.navigate(url("/projects"));
        assertThat(page.locator("main")).containsText(project);
        assertAccessible(page);
        screenshot(page, "projects");

        page.navigate(url(DashboardScenario.releasePage(project) + "?environment=prod"));
        assertThat(page.locator(".verdict")).containsText("Blocked");
        assertThat(approveButton()).isDisabled();
        assertAccessible(page);
        screenshot(page, "release-blocked");

        page.selectOption("#waiver-rule", "tests-pass");
        page.getByLabel("Reason (required)").fill("The payment sandbox fails this test since Monday.");
        page.getByLabel("Ticket (required)").fill("PAY-42");
        page.getByLabel("Expires on (required; at 00:00 UTC of that day)").fill(LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request waiver")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).isVisible();
        // Nobody approves their own request: the developer has no approve button for it.
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve waiver"))).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        signIn(security, PASSWORD);
        page.navigate(url(DashboardScenario.releasePage(project) + "?environment=prod"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve waiver")).click();
        assertThat(page.locator(".verdict")).containsText("Ready");
        assertThat(approveButton()).isEnabled();
        assertAccessible(page);
        screenshot(page, "release-ready");
        approveButton().click();
        assertThat(page.locator("#approvals-heading ~ ul").first()).containsText(security);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        // Security leads approve; recording the decision is the developer's (decisions:record).
        signIn(developer, PASSWORD);
        page.navigate(url(DashboardScenario.releasePage(project) + "?environment=prod"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record a decision now")).click();
        assertThat(page.locator("#decisions-heading + form + table, #decisions-heading ~ table").first()).containsText("ready");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay")).first().click();
        assertThat(page.locator("#replay-heading")).hasText("Replay identical");
        assertAccessible(page);
        screenshot(page, "release-decided");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        // An auditor (a workspace-wide viewer) finds the decision in the ledger explorer.
        String auditor = scenario.user("viewer", null);
        int granted = admin().put("/api/v1/workspace/members/" + auditor, Map.of("roles", List.of("viewer"))).status();
        org.assertj.core.api.Assertions.assertThat(granted).isEqualTo(200);
        signIn(auditor, PASSWORD);
        page.navigate(url("/ledger?kind=decision.recorded&project=" + project));
        assertThat(page.locator("main")).containsText("decision.recorded");
        assertThat(page.locator("main")).containsText("Signature verified");
        assertAccessible(page);
        screenshot(page, "ledger-decision");
    }

    private Locator approveButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true));
    }
}
