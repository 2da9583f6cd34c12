package dev.greenlight.server.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.greenlight.server.platform.Caller;

/**
 * Authenticates {@code Authorization: Bearer glk_…} API keys. A bearer token that is not an API key is left to the
 * JWT resource server when an issuer is configured, and refused otherwise. A bad key is refused at once, never
 * treated as anonymous.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final ProblemAuthenticationHandlers problems;
    private final boolean jwtAccepted;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, ProblemAuthenticationHandlers problems, boolean jwtAccepted) {
        this.apiKeys = apiKeys;
        this.problems = problems;
        this.jwtAccepted = jwtAccepted;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (!token.startsWith(ApiKeyToken.PREFIX)) {
            if (jwtAccepted) {
                chain.doFilter(request, response);
            } else {
                problems.commence(request, response, new BadCredentialsException("no OIDC issuer is configured"));
            }
            return;
        }
        Optional<Caller> caller = apiKeys.authenticate(token);
        if (caller.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("invalid API key"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
