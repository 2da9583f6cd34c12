package dev.greenlight.server.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import dev.greenlight.server.platform.Caller;

/**
 * What the issuer's ID token turned into: the Greenlight caller its subject is linked to. Lives only for the sign-in
 * request; the session then holds the caller, as after a password sign-in ({@link OidcSignInResponses}).
 */
final class SignedInOidcUser extends DefaultOidcUser {
    private final Caller caller;

    SignedInOidcUser(Caller caller, OidcIdToken idToken) {
        super(List.of(), idToken);
        this.caller = requireNonNull(caller, "caller is null");
    }

    Caller caller() {
        return caller;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInOidcUser user && super.equals(other) && caller.equals(user.caller);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + caller.hashCode();
    }
}
