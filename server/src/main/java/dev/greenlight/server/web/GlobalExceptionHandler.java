package dev.greenlight.server.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.ProblemResponses;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Maps every exception family to problem+json once. Framework exceptions keep Spring's status codes but get our
 * type URIs and trace id; details never carry class names, SQL or stack traces.
 */
@RestControllerAdvice
class GlobalExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(GreenlightException.class)
    ResponseEntity<Object> handleGreenlight(GreenlightException exception, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(exception.kind(), exception.getMessage(), request);
        exception.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> handleDuplicate(DuplicateKeyException exception, HttpServletRequest request) {
        // A race lost against a concurrent creation of the same thing; services check first for the common case.
        return respond(ProblemResponses.problem(ProblemKind.CONFLICT, "It already exists.", request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        return respond(ProblemResponses.problem(ProblemKind.BAD_REQUEST,
                "Parameter '" + exception.getName() + "' has an invalid value.", request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException exception, HttpServletRequest request) {
        return respond(ProblemResponses.problem(ProblemKind.FORBIDDEN, "You do not have permission to do this.", request));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException exception, HttpServletRequest request) {
        return respond(ProblemResponses.problem(ProblemKind.UNAUTHENTICATED, "Sign in or present an API key.", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception exception, HttpServletRequest request) {
        PayloadTooLargeException tooLarge = PayloadTooLargeException.findIn(exception);
        if (tooLarge != null) {
            return respond(ProblemResponses.problem(ProblemKind.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), request));
        }
        log.error("unexpected error serving {} {}", request.getMethod(), request.getRequestURI(), exception);
        return respond(ProblemResponses.problem(ProblemKind.INTERNAL_ERROR,
                "An unexpected error occurred. Quote the traceId when you report it.", request));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(GlobalExceptionHandler::fieldError)
                .toList();
        ProblemDetail problem = ProblemResponses.problem(ProblemKind.VALIDATION_FAILED,
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".", servletRequest(request));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = ProblemResponses.problem(ProblemKind.VALIDATION_FAILED, "The request has invalid parameters.", servletRequest(request));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = PayloadTooLargeException.findIn(exception);
        if (tooLarge != null) {
            return respond(ProblemResponses.problem(ProblemKind.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), servletRequest(request)));
        }
        return respond(ProblemResponses.problem(ProblemKind.MALFORMED_BODY, describeUnreadable(exception), servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring's own handling picked the status and headers (Allow, Accept...); we only give the body our shape.
        ProblemKind kind = ProblemKind.forStatus(statusCode.value());
        String detail = body instanceof ProblemDetail framework && framework.getDetail() != null
                ? framework.getDetail() : kind.title() + ".";
        ProblemDetail problem = ProblemResponses.problem(kind, detail, servletRequest(request));
        if (statusCode.value() != kind.status().value()) {
            problem.setStatus(statusCode.value());
        }
        return ResponseEntity.status(statusCode).headers(headers).contentType(ProblemResponses.PROBLEM_JSON)
                .body(ProblemResponses.toMap(problem));
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(ProblemResponses.PROBLEM_JSON)
                .body(ProblemResponses.toMap(problem));
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    /** Says where the body is wrong (JSON pointer or line/column) without echoing Jackson's class-laden message. */
    static String describeUnreadable(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "The value at '" + pointer(databind) + "' has the wrong type or format.";
        }
        if (cause instanceof JacksonException jackson && jackson.getLocation() != null) {
            return "The body is not valid JSON (line " + jackson.getLocation().getLineNr()
                    + ", column " + jackson.getLocation().getColumnNr() + ").";
        }
        return "The request body is missing or is not valid JSON.";
    }

    private static String pointer(DatabindException exception) {
        StringBuilder pointer = new StringBuilder();
        for (var reference : exception.getPath()) {
            pointer.append('/');
            pointer.append(reference.getPropertyName() != null ? reference.getPropertyName() : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
