package dev.greenlight.server.platform;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.MDC;

/**
 * The request id and trace id of the request being served. Both are put on every log line (MDC keys
 * {@code requestId} and {@code traceId}) and the trace id on every problem response.
 */
public final class RequestContext {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String REQUEST_ID_KEY = "requestId";
    public static final String TRACE_ID_KEY = "traceId";

    private RequestContext() {
    }

    public static Optional<String> traceId(HttpServletRequest request) {
        Object value = request.getAttribute(TRACE_ID_KEY);
        if (value instanceof String traceId) {
            return Optional.of(traceId);
        }
        return Optional.ofNullable(MDC.get(TRACE_ID_KEY));
    }
}
