package dev.greenlight.server.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

import dev.greenlight.server.config.GreenlightProperties;
import dev.greenlight.server.workspaces.Workspaces;

/**
 * The security filter chain. It only establishes who the caller is (API key, bearer JWT or session); what the
 * caller may do is decided per handler from its declared permission, by the access feature. Security headers and
 * CORS are plain filters in the web feature, so that they also cover requests refused before this chain.
 */
@Configuration(proxyBeanMethods = false)
class SecuritySetup {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    ProblemAuthenticationHandlers problemAuthenticationHandlers() {
        return new ProblemAuthenticationHandlers();
    }

    @Bean
    LocalSignIn localSignIn(Workspaces workspaces, Principals principals, PasswordHashing passwords, JdbcClient jdbc,
            GreenlightProperties properties, Clock clock) {
        return new LocalSignIn(workspaces, principals, passwords, jdbc, properties.login(), clock);
    }

    /** Passwords, and, when browser sign-in through the issuer is configured, its authorization codes. */
    @Bean
    AuthenticationManager authenticationManager(LocalSignIn localSignIn, OidcSignIn oidcSignIn) {
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(localSignIn));
        oidcSignIn.provider().ifPresent(providers::add);
        return new ProviderManager(providers);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, GreenlightProperties properties, ApiKeys apiKeys,
            ProblemAuthenticationHandlers problems, AuthenticationManager authenticationManager,
            SignInResponses signInResponses, OidcSetup oidc, OidcSignIn oidcSignIn, Principals principals) throws Exception {
        boolean jwtAccepted = properties.oidc().isEnabled();
        http.authenticationManager(authenticationManager);
        http.headers(headers -> headers.disable());
        http.cors(AbstractHttpConfigurer::disable);
        http.httpBasic(AbstractHttpConfigurer::disable);
        http.csrf(csrf -> csrf
                .csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                .requireCsrfProtectionMatcher(SecuritySetup::mayRideOnAmbientCookie));
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/swagger-ui/**", "/swagger-ui.html").authenticated()
                .anyRequest().permitAll());
        http.formLogin(form -> form
                .loginPage("/login")
                .loginProcessingUrl("/login")
                .authenticationDetailsSource(request -> request.getParameter("workspace"))
                .successHandler(signInResponses)
                .failureHandler(signInResponses)
                .permitAll());
        oidcSignIn.configure(http);
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signInResponses));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        http.addFilterAfter(new SessionRevalidationFilter(principals), SecurityContextHolderFilter.class);
        http.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems, jwtAccepted), BearerTokenAuthenticationFilter.class);
        if (jwtAccepted) {
            // The chain's authentication manager above only knows passwords; JWTs need their own provider.
            JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(oidc.decoder());
            jwtProvider.setJwtAuthenticationConverter(oidc.callers());
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .bearerTokenResolver(jwtOnly())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(jwtProvider))));
        }
        return http.build();
    }

    /**
     * CSRF protection is needed where the browser adds credentials by itself: unsafe requests that carry a session
     * cookie, and the sign-in form (against login CSRF). A request with a bearer token cannot be forged cross-site,
     * and it never falls back to the session; other Authorization schemes (Basic, Negotiate…) are ones browsers repeat
     * by themselves, so they exempt nothing. A request with no session has nothing to ride on (it is refused as
     * unauthenticated instead).
     */
    static boolean mayRideOnAmbientCookie(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || carriesBearerToken(request)) {
            return false;
        }
        return request.getRequestedSessionId() != null || "/login".equals(request.getServletPath());
    }

    private static boolean carriesBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, ApiKeyAuthenticationFilter.BEARER, 0,
                ApiKeyAuthenticationFilter.BEARER.length());
    }

    /** JWTs go to the resource server; API keys were already handled by {@link ApiKeyAuthenticationFilter}. */
    private static BearerTokenResolver jwtOnly() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> {
            String token = resolver.resolve(request);
            return token == null || token.startsWith(ApiKeyToken.PREFIX) ? null : token;
        };
    }

}
