package dev.greenlight.server.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.workspaces.Workspaces;

/**
 * The one rule that turns an OpenID Connect subject into a Greenlight caller, for bearer JWTs and browser sign-in
 * alike: the subject must be linked ({@code oidcSubject}) to a user or service account that is not disabled. A valid
 * token from the issuer does not by itself make anyone a Greenlight principal, let alone create one.
 */
@Component
class OidcSubjects {
    private final Principals principals;
    private final Workspaces workspaces;

    OidcSubjects(Principals principals, Workspaces workspaces) {
        this.principals = principals;
        this.workspaces = workspaces;
    }

    /** The caller linked to {@code subject}, authenticated by {@code credential}; empty when nobody enabled is linked. */
    Optional<Caller> callerFor(String subject, String credential) {
        return principals.findByOidcSubject(subject)
                .filter(found -> !found.isDisabled())
                .map(principal -> new Caller(principal.id(), principal.workspaceId(), workspaces.require(principal.workspaceId()).slug(),
                        principal.name(), principal.kind(), principal.instanceAdmin(), null, credential));
    }
}
