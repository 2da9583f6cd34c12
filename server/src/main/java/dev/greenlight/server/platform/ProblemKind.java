package dev.greenlight.server.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API reports. The {@link #type()} URI is part of the API contract: clients branch on it,
 * so a kind is never renamed, only added. docs/problems.md lists them.
 */
public enum ProblemKind {
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
    MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST, "Malformed request body"),
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, "Validation failed"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    ACCOUNT_LOCKED("account-locked", HttpStatus.UNAUTHORIZED, "Account temporarily locked"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    CSRF_REJECTED("csrf-rejected", HttpStatus.FORBIDDEN, "Missing or invalid CSRF token"),
    CORS_REJECTED("cors-rejected", HttpStatus.FORBIDDEN, "Cross-origin request not allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused with a different request"),
    UNKNOWN_EVIDENCE_FORMAT("unknown-evidence-format", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unknown evidence format"),
    MALFORMED_EVIDENCE("malformed-evidence", HttpStatus.UNPROCESSABLE_CONTENT, "Malformed evidence"),
    EVIDENCE_LIMIT_EXCEEDED("evidence-limit-exceeded", HttpStatus.UNPROCESSABLE_CONTENT, "Evidence exceeds a safety limit"),
    INVALID_POLICY("invalid-policy", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid policy pack"),
    POLICY_TESTS_FAILED("policy-tests-failed", HttpStatus.UNPROCESSABLE_CONTENT, "Policy pack tests failed"),
    GATE_BLOCKED("gate-blocked", HttpStatus.CONFLICT, "Release blocked by its gate"),
    ENVIRONMENT_FROZEN("environment-frozen", HttpStatus.CONFLICT, "Environment frozen"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

    /** Problem type URIs are URNs: stable identifiers that do not pretend to be documentation addresses. */
    private static final String TYPE_PREFIX = "urn:greenlight:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemKind(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The kind used for a status that no more specific kind describes. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status.value() == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
