package dev.greenlight.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.IntegrationTest;

/** Without an issuer and a client id for browser sign-in there is no button and no OAuth 2.0 endpoint at all. */
class OidcSignInAbsentTest extends IntegrationTest {

    @Test
    void withoutBrowserSignInConfiguredThereIsNoButtonAndNoEndpoint() {
        BrowserSession browser = new BrowserSession(api.baseUrl());

        assertThat(browser.getPage("/login").body()).doesNotContain("Sign in with").doesNotContain("/oauth2/");
        assertThat(browser.getPage("/oauth2/authorization/oidc").status()).isEqualTo(404);
        assertThat(browser.getPage("/login/oauth2/code/oidc?code=anything&state=anything").status()).isEqualTo(404);
    }
}
