package dev.greenlight.cli.client;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns an HTTP response into the JSON the caller asked for, or into the problem the server reported. */
final class ResponseInterpreter {
    private final JsonMapper json;

    ResponseInterpreter(JsonMapper json) {
        this.json = json;
    }

    JsonNode interpret(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return successBody(response);
        }
        throw new ApiProblemException(problemOf(response), retryAfter(response.headers()));
    }

    private JsonNode successBody(HttpResponse<String> response) {
        if (response.body().isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new UnexpectedResponseException("The server's answer to " + response.request().method() + " "
                    + response.uri().getRawPath() + " is not valid JSON (HTTP " + response.statusCode() + ").");
        }
    }

    private ApiProblem problemOf(HttpResponse<String> response) {
        return problemOf(response.statusCode(), response.headers(), response.body());
    }

    /** The problem a non-2xx response reports, whatever its body type was. */
    ApiProblem problemOf(int status, HttpHeaders headers, String responseBody) {
        String reason = HttpStatusText.of(status);
        if (isJson(headers)) {
            try {
                JsonNode body = json.readTree(responseBody);
                if (body.isObject()) {
                    return ApiProblem.fromJson(body, status, reason);
                }
            } catch (JacksonException e) {
                // Fall through: a broken error body must not hide the status, which still says what happened.
            }
        }
        String detail = headers.firstValue("Location")
                .map(location -> "The server redirects to " + location + "; use that address as the server.")
                .orElse(null);
        return ApiProblem.fromStatus(status, reason, detail);
    }

    /** {@code Retry-After} as delay-seconds; the HTTP-date form is not worth a clock comparison here. */
    private static @Nullable Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse("");
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static boolean isJson(HttpHeaders headers) {
        return headers.firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).contains("json"))
                .orElse(false);
    }
}
