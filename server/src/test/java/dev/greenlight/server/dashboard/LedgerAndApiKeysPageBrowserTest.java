package dev.greenlight.server.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.server.browser.BrowserTest;
import dev.greenlight.server.testing.HttpResult;

/**
 * The ledger and API keys pages in a real browser: the verified checkpoint and a filtered entries list, then a key
 * created whose secret is shown once with a working Copy button — each page checked with axe and photographed.
 */
class LedgerAndApiKeysPageBrowserTest extends BrowserTest {

    @Test
    void theLedgerThenAKeyCreatedAndCopiedOnce() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, "1.0.0");
        String user = newUser();
        HttpResult granted = admin().put("/api/v1/workspace/members/" + user, Map.of("roles", List.of("viewer")));
        org.assertj.core.api.Assertions.assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(admin().post("/api/v1/ledger/default/checkpoint", Map.of()).status()).isEqualTo(200);

        signIn(user, PASSWORD);
        page.navigate(url("/projects"));
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ledger")).click();
        assertThat(page.locator(".verification")).containsText("Signature verified");
        assertAccessible(page);
        screenshot(page, "ledger");

        page.getByLabel("Project").fill(project);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("table.entries tbody tr")).hasCount(3);
        assertThat(page.locator("table.entries")).containsText("release.created");
        assertAccessible(page);
        screenshot(page, "ledger-filtered");

        page.getByLabel("Kind").fill("no.such-kind");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator(".empty-state")).containsText("No entries match these filters");
        assertAccessible(page);
        screenshot(page, "ledger-empty");

        browserContext.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.navigate(url("/settings/api-keys"));
        assertThat(page.locator("main")).containsText("You have no API keys yet");
        assertAccessible(page);
        screenshot(page, "api-keys-empty");

        page.getByLabel("Name (required)").fill("laptop");
        page.getByLabel("project:read").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        Locator secret = page.getByLabel("Your new API key");
        assertThat(secret).not().isEditable();
        String token = secret.inputValue();
        assertThat(token).isNotEmpty();
        Locator copy = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy"));
        assertThat(copy).isVisible();
        copy.click();
        assertThat(page.locator(".copy-status")).containsText("Copied");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(token);
        assertAccessible(page);
        screenshot(page, "api-key-created");

        page.navigate(url("/settings/api-keys"));
        assertThat(page.locator("table.api-keys")).containsText("laptop");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke key laptop")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("is revoked");
        assertAccessible(page);
        screenshot(page, "api-key-revoked");
    }
}
