package dev.greenlight.server.identity;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.greenlight.server.config.GreenlightProperties;

/**
 * Browser sign-in through the configured OpenID Connect issuer (Spring Security's oauth2Login: authorization code
 * flow with PKCE, state and nonce), present only when both an issuer and a client id are configured; otherwise there
 * is no button and no endpoint. The start is {@link #START_PATH}, the issuer sends people back to
 * {@code /login/oauth2/code/oidc}.
 */
@Component
class OidcSignIn {
    static final String START_PATH = "/oauth2/authorization/" + OidcSignInRegistration.REGISTRATION_ID;

    private final GreenlightProperties.Oidc settings;
    private final @Nullable OidcSignInRegistration registration;
    private final @Nullable OidcAuthorizationCodeAuthenticationProvider provider;
    private final OidcSignInResponses responses = new OidcSignInResponses();

    OidcSignIn(GreenlightProperties properties, OidcSubjects subjects) {
        this.settings = properties.oidc();
        if (!settings.browserSignInEnabled()) {
            this.registration = null;
            this.provider = null;
            return;
        }
        this.registration = new OidcSignInRegistration(settings);
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(RestClient.builder()
                .requestFactory(OidcHttp.requestFactory())
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(tokens, new OidcSignInUsers(subjects));
        oidc.setJwtDecoderFactory(new IdTokenDecoders());
        this.provider = oidc;
    }

    boolean enabled() {
        return provider != null;
    }

    /** What the button says after "Sign in with". */
    String displayName() {
        return settings.displayName();
    }

    /**
     * The provider that exchanges the code and checks the ID token. It must sit in the chain's own authentication
     * manager: with an explicit manager, Spring ignores the providers oauth2Login registers by itself.
     */
    Optional<AuthenticationProvider> provider() {
        return Optional.ofNullable(provider);
    }

    void configure(HttpSecurity http) {
        OidcSignInRegistration registered = registration;
        if (registered == null) {
            return;
        }
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registered)
                .authorizedClientRepository(new DroppedAuthorizedClients())
                .successHandler(responses)
                .failureHandler(responses)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O start) {
                        start.setAuthenticationFailureHandler(responses.unavailable());
                        return start;
                    }
                }));
    }
}
