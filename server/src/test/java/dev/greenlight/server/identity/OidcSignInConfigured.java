package dev.greenlight.server.identity;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.greenlight.server.testing.TestIssuer;

/**
 * Mixed into an integration test, configures browser sign-in through the in-JVM {@link TestIssuer} (issuer, audience,
 * its dashboard client id and secret, the display name {@link #DISPLAY_NAME}). Every class that implements this and
 * changes nothing else shares one Spring context, the HTTP tests and the browser tests alike.
 */
public interface OidcSignInConfigured {
    String DISPLAY_NAME = "Test IdP";

    @DynamicPropertySource
    static void browserSignInThroughTheTestIssuer(DynamicPropertyRegistry registry) {
        TestIssuer issuer = TestIssuer.shared();
        registry.add("greenlight.oidc.issuer", issuer::issuer);
        registry.add("greenlight.oidc.audience", () -> TestIssuer.AUDIENCE);
        registry.add("greenlight.oidc.client-id", () -> TestIssuer.CLIENT_ID);
        registry.add("greenlight.oidc.client-secret", () -> TestIssuer.CLIENT_SECRET);
        registry.add("greenlight.oidc.display-name", () -> DISPLAY_NAME);
    }
}
