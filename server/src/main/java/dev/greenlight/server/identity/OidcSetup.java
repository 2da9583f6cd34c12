package dev.greenlight.server.identity;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

import dev.greenlight.server.config.GreenlightProperties;
import dev.greenlight.server.config.InvalidConfigurationException;

/**
 * Validation of bearer JWTs from the configured issuer: signature against the issuer's JWKS, issuer, audience and
 * expiry (with Spring's default 60 s clock skew). The JWKS address is taken from the configuration or discovered
 * lazily from the issuer's metadata, so start-up does not depend on the issuer being reachable.
 */
@Component
class OidcSetup {
    private final GreenlightProperties.Oidc settings;
    private final OidcSubjects subjects;

    OidcSetup(GreenlightProperties properties, OidcSubjects subjects) {
        this.settings = properties.oidc();
        this.subjects = subjects;
        if (settings.isEnabled() && settings.audience().isBlank()) {
            throw new InvalidConfigurationException("greenlight.oidc.audience", "must be set when GREENLIGHT_OIDC_ISSUER is set");
        }
    }

    JwtDecoder decoder() {
        // Spring's default timestamp check lets a token without "exp" live forever; Greenlight requires an expiry.
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setAllowEmptyExpiryClaim(false);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.<OAuth2TokenValidator<Jwt>>of(
                timestamps, new JwtIssuerValidator(settings.issuer()), this::hasAudience));
        String jwksUri = settings.jwksUriOrNull();
        // The same timeouts as browser sign-in: a slow issuer must not hold API requests without end.
        RestTemplate issuer = new RestTemplate(OidcHttp.requestFactory());
        if (jwksUri != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri).restOperations(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuer()).restOperations(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    JwtCallers callers() {
        return new JwtCallers(subjects);
    }

    private OAuth2TokenValidatorResult hasAudience(Jwt jwt) {
        List<String> audience = jwt.getAudience();
        if (audience != null && audience.contains(settings.audience())) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not meant for this audience.", null));
    }
}
