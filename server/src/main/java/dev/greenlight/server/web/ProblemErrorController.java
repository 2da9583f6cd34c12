package dev.greenlight.server.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.ProblemResponses;
import dev.greenlight.server.platform.PublicEndpoint;

/**
 * The servlet container's error page: errors raised outside Spring MVC (a filter, Tomcat rejecting a request) still
 * come back as problem+json, without the container's HTML or stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @PublicEndpoint("the container's error page; it only describes the error of the request being answered")
    @RequestMapping(path = "${server.error.path:/error}", produces = {"application/problem+json", "application/json", "*/*"})
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = kind.title() + ".";
        if (failure instanceof Throwable throwable) {
            PayloadTooLargeException tooLarge = PayloadTooLargeException.findIn(throwable);
            if (tooLarge != null) {
                kind = ProblemKind.PAYLOAD_TOO_LARGE;
                detail = tooLarge.getMessage();
                status = kind.status().value();
            } else if (status >= 500) {
                log.error("unexpected error serving {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), throwable);
                detail = "An unexpected error occurred. Quote the traceId when you report it.";
            }
        }
        ProblemDetail problem = ProblemResponses.problem(kind, detail, request);
        problem.setStatus(status);
        Object originalUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (originalUri instanceof String uri) {
            problem.setInstance(ProblemResponses.safeUri(uri));
        }
        return ResponseEntity.status(status).contentType(ProblemResponses.PROBLEM_JSON).body(ProblemResponses.toMap(problem));
    }
}
