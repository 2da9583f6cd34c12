package dev.greenlight.server.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a validated JWT to the user or service account linked to its subject ({@link OidcSubjects}). A token whose
 * subject nobody is linked to is refused.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {
    static final String CREDENTIAL = "jwt";

    private final OidcSubjects subjects;

    JwtCallers(OidcSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return subjects.callerFor(jwt.getSubject(), CREDENTIAL).map(CallerAuthentication::new)
                .orElseThrow(() -> new InvalidBearerTokenException("The token's subject is not linked to a Greenlight user or service account."));
    }
}
