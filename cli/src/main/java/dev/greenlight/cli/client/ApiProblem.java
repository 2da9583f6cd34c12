package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An RFC 9457 problem as the server returns it, or as close to one as a non-conforming response allows.
 * {@code extensions} holds the problem's other text members, such as the {@code format} and
 * {@code location} of a malformed evidence file.
 */
public record ApiProblem(
        @Nullable String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable String traceId,
        List<FieldError> errors,
        Map<String, String> extensions) {

    /** The type URI prefix of Greenlight's own problems; the rest is a short slug such as {@code malformed-evidence}. */
    public static final String TYPE_PREFIX = "urn:greenlight:problem:";

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "traceId", "errors");

    public ApiProblem {
        requireNonNull(title, "title is null");
        errors = List.copyOf(requireNonNull(errors, "errors is null"));
        // Copied in order: Map.copyOf would shuffle what the server listed.
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(extensions, "extensions is null")));
    }

    /** The slug of a Greenlight problem type ({@code malformed-evidence}), or null for any other type. */
    public @Nullable String slug() {
        return type != null && type.startsWith(TYPE_PREFIX) && type.length() > TYPE_PREFIX.length()
                ? type.substring(TYPE_PREFIX.length()) : null;
    }

    /** Reads a problem+json body; the HTTP status wins when the body leaves it out. */
    static ApiProblem fromJson(JsonNode body, int httpStatus, String reasonPhrase) {
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            String field = text(error, "field");
            String message = text(error, "message");
            if (message != null) {
                errors.add(new FieldError(field == null ? "(request)" : field, message));
            }
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            if (!STANDARD_MEMBERS.contains(member.getKey()) && member.getValue().isString()) {
                extensions.put(member.getKey(), member.getValue().stringValue());
            }
        }
        String title = text(body, "title");
        return new ApiProblem(
                text(body, "type"),
                title == null ? reasonPhrase : title,
                body.path("status").isInt() ? body.path("status").intValue() : httpStatus,
                text(body, "detail"),
                text(body, "instance"),
                text(body, "traceId"),
                errors,
                extensions);
    }

    /** For responses that carry no problem document, such as an HTML page from a proxy. */
    static ApiProblem fromStatus(int httpStatus, String reasonPhrase, @Nullable String detail) {
        return new ApiProblem(null, reasonPhrase, httpStatus, detail, null, null, List.of(), Map.of());
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
