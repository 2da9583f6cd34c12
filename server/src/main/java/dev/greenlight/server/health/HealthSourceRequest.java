package dev.greenlight.server.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import dev.greenlight.server.platform.InvalidFields;

/**
 * The body of {@code PUT …/health-source}: {@code {"kind": "pushed"}}, or {@code {"kind": "prometheus", "url": …,
 * "bearerToken": …, "queries": {"requests": …, "errors": …, "latencyP95": …}}}. Without {@code queries} a Prometheus
 * source uses the default templates; with it, {@code requests} and {@code errors} are required and a missing
 * {@code latencyP95} means latency is not measured. The whole source is replaced: a token not sent again is removed.
 */
record HealthSourceRequest(@Nullable String kind, @Nullable String url, @Nullable String bearerToken, @Nullable HealthQueriesRequest queries) {
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_TOKEN_LENGTH = 4096;

    record HealthQueriesRequest(@Nullable String requests, @Nullable String errors, @Nullable String latencyP95) {
    }

    /** Never prints the token or the URL (which may carry a password until it is refused): a request body can end up in a log line. */
    @Override
    public String toString() {
        return "HealthSourceRequest[kind=" + kind + ", url " + (url == null ? "unset" : "set") + ", token " + (bearerToken == null ? "unset" : "set")
                + ", queries=" + queries + "]";
    }

    /** The source this asks for, or a validation problem naming every field that breaks its rule. */
    HealthSource toSource() {
        InvalidFields errors = new InvalidFields();
        if (HealthSource.Pushed.KIND.equals(kind)) {
            if (url != null) {
                errors.add("url", "is not used by a pushed source; leave it out");
            }
            if (bearerToken != null) {
                errors.add("bearerToken", "is not used by a pushed source; leave it out");
            }
            if (queries != null) {
                errors.add("queries", "is not used by a pushed source; leave it out");
            }
            errors.throwIfAny();
            return new HealthSource.Pushed();
        }
        if (!HealthSource.Prometheus.KIND.equals(kind)) {
            throw InvalidFields.single("kind", "must be prometheus or pushed");
        }
        URI address = address(errors);
        String token = token(errors);
        QueryTemplates templates = templates(errors);
        errors.throwIfAny();
        return new HealthSource.Prometheus(address, token, templates);
    }

    private @Nullable URI address(InvalidFields errors) {
        if (url == null || url.isBlank()) {
            errors.add("url", "is required: the Prometheus server's base address, such as http://prometheus:9090");
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.add("url", "must be at most " + MAX_URL_LENGTH + " characters");
            return null;
        }
        URI address;
        try {
            address = new URI(url);
        } catch (URISyntaxException e) {
            errors.add("url", "is not a valid URL");
            return null;
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!address.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || address.getHost() == null) {
            errors.add("url", "must be an absolute http or https URL with a host");
        } else if (address.getRawUserInfo() != null) {
            errors.add("url", "must not carry user info; put a token in bearerToken");
        } else if (address.getRawQuery() != null || address.getRawFragment() != null) {
            errors.add("url", "must not have a query or fragment; it is the base address that /api/v1/query is added to");
        } else {
            return address;
        }
        return null;
    }

    private @Nullable String token(InvalidFields errors) {
        if (bearerToken == null) {
            return null;
        }
        // Visible ASCII only: a token goes into a header, where a line break would start another one.
        if (bearerToken.isEmpty() || bearerToken.length() > MAX_TOKEN_LENGTH || !bearerToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            errors.add("bearerToken", "must be 1-" + MAX_TOKEN_LENGTH + " visible ASCII characters");
        }
        return bearerToken;
    }

    private @Nullable QueryTemplates templates(InvalidFields errors) {
        if (queries == null) {
            return QueryTemplates.DEFAULTS;
        }
        String requestsProblem = QueryTemplates.problemWith(queries.requests());
        if (requestsProblem != null) {
            errors.add("queries.requests", requestsProblem);
        }
        String errorsProblem = QueryTemplates.problemWith(queries.errors());
        if (errorsProblem != null) {
            errors.add("queries.errors", errorsProblem);
        }
        String latencyProblem = queries.latencyP95() == null ? null : QueryTemplates.problemWith(queries.latencyP95());
        if (latencyProblem != null) {
            errors.add("queries.latencyP95", latencyProblem);
        }
        if (requestsProblem != null || errorsProblem != null || latencyProblem != null) {
            return null;
        }
        return new QueryTemplates(queries.requests(), queries.errors(), queries.latencyP95());
    }
}
