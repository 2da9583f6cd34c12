package dev.greenlight.server.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.greenlight.server.platform.RequestContext;

/**
 * Gives each request a request id (the client's {@code X-Request-Id} when it is well-formed, else a new one) and a
 * trace id (the W3C {@code traceparent} trace id when present, else a new one), echoes the request id and puts both
 * on every log line of the request. Runs first so that even a refused request is traceable.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // An error dispatch of the same request keeps the ids chosen on its way in.
        String requestId = request.getAttribute(RequestContext.REQUEST_ID_KEY) instanceof String known
                ? known : requestId(request.getHeader(RequestContext.REQUEST_ID_HEADER));
        String traceId = request.getAttribute(RequestContext.TRACE_ID_KEY) instanceof String known
                ? known : traceId(request.getHeader("traceparent"));
        request.setAttribute(RequestContext.REQUEST_ID_KEY, requestId);
        request.setAttribute(RequestContext.TRACE_ID_KEY, traceId);
        response.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
        MDC.put(RequestContext.REQUEST_ID_KEY, requestId);
        MDC.put(RequestContext.TRACE_ID_KEY, traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestContext.REQUEST_ID_KEY);
            MDC.remove(RequestContext.TRACE_ID_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String requestId(@Nullable String header) {
        if (header != null && CLIENT_REQUEST_ID.matcher(header).matches()) {
            return header;
        }
        return UUID.randomUUID().toString();
    }

    static String traceId(@Nullable String traceparent) {
        if (traceparent != null) {
            Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches() && !matcher.group(1).equals(INVALID_TRACE_ID)) {
                return matcher.group(1);
            }
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
