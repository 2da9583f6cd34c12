package dev.greenlight.server.ratelimit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.ProblemResponses;

/**
 * Draws one token per request from the bucket named by {@code bucketOf} (none: not limited here) and answers 429
 * with Retry-After when the bucket is empty.
 */
final class RateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;
    private final int perMinute;
    private final Function<HttpServletRequest, Optional<String>> bucketOf;
    private final String what;

    RateLimitFilter(RateLimiter limiter, int perMinute, Function<HttpServletRequest, Optional<String>> bucketOf, String what) {
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.perMinute = perMinute;
        this.bucketOf = requireNonNull(bucketOf, "bucketOf is null");
        this.what = requireNonNull(what, "what is null");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> bucket = bucketOf.apply(request);
        if (bucket.isEmpty() || perMinute <= 0) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Decision decision = limiter.tryConsume(bucket.get(), perMinute);
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            ProblemResponses.write(response, ProblemKind.RATE_LIMITED,
                    "More than " + perMinute + " requests a minute " + what + "; retry after " + decision.retryAfterSeconds() + " s.", request);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Probes must answer even under load: an orchestrator restarting a busy node makes things worse.
        String path = request.getRequestURI();
        return path.equals("/livez") || path.equals("/readyz");
    }
}
