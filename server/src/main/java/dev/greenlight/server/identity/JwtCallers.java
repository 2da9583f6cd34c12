package dev.greenlight.server.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.workspaces.Workspaces;

/**
 * Maps a validated JWT to the user or service account linked to its subject. A token whose subject nobody is linked
 * to is refused: a valid token from the issuer does not by itself make someone a Greenlight principal.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {
    private final Principals principals;
    private final Workspaces workspaces;

    JwtCallers(Principals principals, Workspaces workspaces) {
        this.principals = principals;
        this.workspaces = workspaces;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Principal principal = principals.findByOidcSubject(jwt.getSubject())
                .filter(found -> !found.isDisabled())
                .orElseThrow(() -> new InvalidBearerTokenException("The token's subject is not linked to a Greenlight user or service account."));
        String workspaceSlug = workspaces.require(principal.workspaceId()).slug();
        return new CallerAuthentication(new Caller(principal.id(), principal.workspaceId(), workspaceSlug,
                principal.name(), principal.kind(), principal.instanceAdmin(), null, "jwt"));
    }
}
