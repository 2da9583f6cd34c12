package dev.greenlight.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.server.identity.OidcSignInConfigured;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.TestIssuer;

/**
 * "Sign in with Test IdP" in Chromium: the browser follows the redirects to the test issuer and back by itself, as it
 * would with a real identity provider, with its own cookies and the page's strict Content-Security-Policy.
 */
class OidcSignInBrowserTest extends BrowserTest implements OidcSignInConfigured {
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @Test
    void signingInWithTheIssuerLandsOnTheProjectsPageAsTheLinkedUser() {
        String subject = Fixtures.unique("idp-person");
        String user = Fixtures.unique("person");
        HttpResult created = admin().post("/api/v1/users", Map.of("name", user, "oidcSubject", subject));
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ISSUER.signInAs(subject);

        page.navigate("/login");
        assertAccessible(page);
        screenshot(page, "sign-in-with-issuer");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + DISPLAY_NAME)).click();

        page.waitForURL(url("/projects"));
        assertThat(page.locator(".account")).containsText("Signed in as " + user);
        assertAccessible(page);
        screenshot(page, "signed-in-with-issuer");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(url("/login?signed-out"));
    }

    @Test
    void aPersonTheIssuerKnowsButGreenlightDoesNotIsToldWhatToAskFor() {
        String stranger = Fixtures.unique("stranger-at-idp");
        ISSUER.signInAs(stranger);

        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + DISPLAY_NAME)).click();

        page.waitForURL(url("/login?sso=unlinked"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not linked to a Greenlight user");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(stranger);
        assertAccessible(page);
        screenshot(page, "sign-in-with-issuer-unlinked");
    }
}
