package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An RFC 9457 problem as the server returns it, or as close to one as a non-conforming response allows. */
public record ApiProblem(
        @Nullable String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable String traceId,
        List<FieldError> errors) {

    public ApiProblem {
        requireNonNull(title, "title is null");
        errors = List.copyOf(requireNonNull(errors, "errors is null"));
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
        String title = text(body, "title");
        return new ApiProblem(
                text(body, "type"),
                title == null ? reasonPhrase : title,
                body.path("status").isInt() ? body.path("status").intValue() : httpStatus,
                text(body, "detail"),
                text(body, "instance"),
                text(body, "traceId"),
                errors);
    }

    /** For responses that carry no problem document, such as an HTML page from a proxy. */
    static ApiProblem fromStatus(int httpStatus, String reasonPhrase, @Nullable String detail) {
        return new ApiProblem(null, reasonPhrase, httpStatus, detail, null, null, List.of());
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
