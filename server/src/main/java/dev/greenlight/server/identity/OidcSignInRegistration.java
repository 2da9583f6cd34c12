package dev.greenlight.server.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.greenlight.server.config.GreenlightProperties;

/**
 * Greenlight as a client of the configured issuer, for browser sign-in: one registration, {@link #REGISTRATION_ID},
 * built from the issuer's discovery document on first use, so that start-up does not depend on the issuer being
 * reachable (a failed discovery is tried again at the next sign-in). Asks for the {@code openid} scope only: the ID
 * token's subject is all Greenlight needs, so it never calls the issuer's user-info endpoint. PKCE is always on, also
 * for a confidential client.
 */
final class OidcSignInRegistration implements ClientRegistrationRepository {
    static final String REGISTRATION_ID = "oidc";
    static final String DEFAULT_REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";
    private static final Logger log = LoggerFactory.getLogger(OidcSignInRegistration.class);

    private final GreenlightProperties.Oidc settings;
    private final RestClient http;
    private volatile @Nullable ClientRegistration registration;

    OidcSignInRegistration(GreenlightProperties.Oidc settings) {
        this.settings = settings;
        this.http = RestClient.builder().requestFactory(OidcHttp.requestFactory()).build();
    }

    /** The registration, discovered now if it was not yet; null when the issuer cannot tell (the sign-in then fails). */
    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (registration == null) {
                try {
                    registration = discover();
                } catch (RestClientException | IllegalStateException | IllegalArgumentException e) {
                    log.warn("cannot read the discovery document of the OIDC issuer {}: {}", settings.issuer(), e.getMessage());
                    return null;
                }
            }
            return registration;
        }
    }

    private ClientRegistration discover() {
        String issuer = settings.issuer();
        String location = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/.well-known/openid-configuration";
        Map<String, Object> metadata = http.get().uri(location).retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {
        });
        if (metadata == null) {
            throw new IllegalStateException("the discovery document is empty");
        }
        // OpenID Connect Discovery 1.0, section 4.3: the document must name exactly the issuer it was fetched for.
        if (!issuer.equals(metadata.get("issuer"))) {
            throw new IllegalStateException("the discovery document names the issuer '" + metadata.get("issuer") + "', not '" + issuer + "'");
        }
        String jwksUri = settings.jwksUriOrNull() != null ? settings.jwksUriOrNull() : url(metadata, "jwks_uri");
        String redirectUri = settings.redirectUriOrNull() != null ? settings.redirectUriOrNull() : DEFAULT_REDIRECT_URI;
        boolean confidential = !settings.clientSecret().isEmpty();
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(settings.clientId())
                .clientAuthenticationMethod(confidential ? clientAuthentication(metadata) : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .authorizationUri(url(metadata, "authorization_endpoint"))
                .tokenUri(url(metadata, "token_endpoint"))
                .jwkSetUri(jwksUri)
                .issuerUri(issuer)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName(settings.displayName())
                .providerConfigurationMetadata(metadata)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        if (confidential) {
            builder.clientSecret(settings.clientSecret());
        }
        return builder.build();
    }

    /** HTTP Basic, the default of the specifications, unless the issuer says it only takes the secret in the form. */
    private static ClientAuthenticationMethod clientAuthentication(Map<String, Object> metadata) {
        Object supported = metadata.get("token_endpoint_auth_methods_supported");
        if (!(supported instanceof Collection<?> methods) || methods.contains("client_secret_basic")) {
            return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
        }
        if (methods.contains("client_secret_post")) {
            return ClientAuthenticationMethod.CLIENT_SECRET_POST;
        }
        throw new IllegalStateException("the issuer takes a client secret neither by HTTP Basic nor in the form: " + List.copyOf(methods));
    }

    private static String url(Map<String, Object> metadata, String name) {
        if (metadata.get(name) instanceof String value && (value.startsWith("https://") || value.startsWith("http://"))) {
            return value;
        }
        throw new IllegalStateException("the discovery document has no http(s) '" + name + "'");
    }
}
