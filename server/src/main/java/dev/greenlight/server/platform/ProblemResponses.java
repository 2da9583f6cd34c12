package dev.greenlight.server.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes RFC 9457 problem documents. Handlers go through the MVC exception handler; filters, security
 * entry points and the error page write with {@link #write} so that every error has the same shape.
 */
public final class ProblemResponses {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static ProblemDetail problem(ProblemKind kind, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        problem.setInstance(safeUri(request.getRequestURI()));
        RequestContext.traceId(request).ifPresent(traceId -> problem.setProperty("traceId", traceId));
        return problem;
    }

    /** The path as a URI, or none when the client sent a path that is not a valid URI reference. */
    public static @Nullable URI safeUri(@Nullable String path) {
        if (path == null) {
            return null;
        }
        try {
            return new URI(path);
        } catch (URISyntaxException invalid) {
            return null;
        }
    }

    public static void write(HttpServletResponse response, ProblemKind kind, String detail, HttpServletRequest request)
            throws IOException {
        write(response, problem(kind, detail, request));
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(toMap(problem)));
        response.flushBuffer();
    }

    /** The JSON members of a problem, in the order RFC 9457 lists them, then the extensions. */
    public static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
