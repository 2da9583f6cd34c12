package dev.greenlight.server.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.greenlight.server.config.GreenlightProperties;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.ProblemResponses;

/**
 * Cross-origin requests are refused (problem+json 403) unless their origin is listed in
 * {@code GREENLIGHT_CORS_ORIGINS}; allowed preflights are answered here, before authentication. Cookies never cross
 * origins: cross-origin callers use API keys in the Authorization header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 8)
class CorsFilter extends OncePerRequestFilter {
    private final CorsConfiguration configuration = new CorsConfiguration();
    private final DefaultCorsProcessor processor = new ProblemWritingCorsProcessor();

    CorsFilter(GreenlightProperties properties) {
        configuration.setAllowedOrigins(properties.corsOrigins());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id", "traceparent"));
        configuration.setExposedHeaders(List.of("X-Request-Id", "Location", "Retry-After", "Idempotent-Replayed"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(600L);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!CorsUtils.isCorsRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!processor.processRequest(configuration, request, response)) {
            ProblemResponses.write(response, ProblemKind.CORS_REJECTED,
                    "This origin, method or header is not allowed to call Greenlight across origins; an operator can allow the origin in GREENLIGHT_CORS_ORIGINS.",
                    request);
            return;
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Spring's checks, minus its plain-text refusal: the filter writes the problem document instead. */
    private static final class ProblemWritingCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // deliberately empty: see CorsFilter#doFilterInternal
        }
    }
}
