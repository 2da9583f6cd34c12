package dev.greenlight.server.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.server.browser.BrowserTest;

/**
 * The project page and the release page's promotions region in a real browser: reached from the projects list, free
 * of serious accessibility violations, usable from the keyboard, and, on the release page, brought up to date without
 * a reload when a deployer reports a step through the API.
 */
class PromotionPagesBrowserTest extends BrowserTest {

    @Test
    void theProjectPageShowsEnvironmentsFiguresAndPromotionsAccessibly() throws Exception {
        PromotionPagesScenario scenario = new PromotionPagesScenario(api, fixtures, admin(), "staging", "prod");
        scenario.release("1.0.0");
        scenario.release("2.0.0");
        scenario.promoteDirectly("1.0.0", "staging");
        scenario.promoteDirectly("1.0.0", "prod");
        scenario.promoteDirectly("2.0.0", "prod");
        scenario.reportRollbackCompleted(scenario.rollBack("prod", "last-good", "checkout errors after 2.0.0"));
        // Left deploying: an external deployer that has not reported yet, so staging has something in flight.
        scenario.awaitState(scenario.promote("2.0.0", "staging", Map.of("strategy", "direct")), "deploying");
        String viewer = viewerOf(scenario.project);

        signIn(viewer, PASSWORD);
        page.navigate(url("/projects"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Project " + scenario.project)).click();
        assertThat(page).hasURL(url(PromotionPagesScenario.projectPage(scenario.project)));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("staging").setExact(true))).isVisible();
        assertThat(page.locator("[data-environment=staging] .in-flight")).containsText("deploying");
        assertThat(page.locator("[data-environment=prod] .current")).hasText("1.0.0");
        assertThat(page.locator("#figure-change-failure-rate .figure-value")).hasText("50 %");
        assertAccessible(page);
        screenshot(page, "project");

        // The records behind a figure open from the keyboard.
        Locator counted = page.locator("#figure-deployments details");
        assertThat(counted).not().hasAttribute("open", "");
        counted.locator("summary").focus();
        page.keyboard().press("Enter");
        assertThat(counted).hasAttribute("open", "");
        assertThat(counted.locator("ul.records li")).hasCount(2);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("7 days").setExact(true)).focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*\\?window=7d#dora-heading$"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("7 days").setExact(true))).hasAttribute("aria-current", "true");
        assertThat(page.locator("#figure-deployments .count")).hasText("2");
        assertAccessible(page);
        screenshot(page, "project-7-days");
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void thePromotionsRegionOfTheReleasePageUpdatesWhenAStepIsReported() throws Exception {
        PromotionPagesScenario scenario = new PromotionPagesScenario(api, fixtures, admin(), "prod");
        scenario.release("1.0.0");
        String promotion = scenario.promote("1.0.0", "prod", Map.of("strategy", "direct"));
        scenario.awaitState(promotion, "deploying");
        String viewer = viewerOf(scenario.project);

        signIn(viewer, PASSWORD);
        page.navigate(url(PromotionPagesScenario.releasePage(scenario.project, "1.0.0", "prod")));
        assertThat(page.locator("#live-status")).hasText("Live updates on.");
        Locator row = page.locator("#live-promotions tr[data-promotion='" + promotion + "']");
        assertThat(row).containsText("deploying");
        assertThat(row).containsText("in flight");
        assertThat(page.locator("#live-promotions")).containsText("prod runs no release through Greenlight yet.");
        page.locator("#main").evaluate("main => main.setAttribute('data-test-loaded', 'once')");
        page.locator("#live-evidence").evaluate("section => section.setAttribute('data-test-untouched', 'yes')");

        scenario.reportDeployed(promotion, 1);

        assertThat(row).containsText("promoted");
        assertThat(row).containsText("step 1 of 1 · 100 %");
        assertThat(row).not().containsText("in flight");
        assertThat(page.locator("#live-promotions .meta")).containsText("prod runs 1.0.0");
        assertThat(page.locator("#live-status")).containsText("promotions changed");
        // Still the same document, and only the regions a promotion affects were fetched again.
        assertThat(page.locator("#main")).hasAttribute("data-test-loaded", "once");
        assertThat(page.locator("#live-evidence")).hasAttribute("data-test-untouched", "yes");
        assertThat(cspViolations()).isEmpty();
        assertAccessible(page);
        screenshot(page, "release-promotions-live");
    }

    /** A new user who may read the project and nothing more. */
    private String viewerOf(String project) {
        String viewer = newUser();
        assertThat(admin().put("/api/v1/projects/" + project + "/members/" + viewer, Map.of("roles", List.of("viewer"))).status()).isEqualTo(200);
        return viewer;
    }
}
