package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;

/** A successful answer whose status matters to the caller, such as 201 (created) against 200 (already there). */
public record ApiResponse(int status, JsonNode body) {
    public ApiResponse {
        requireNonNull(body, "body is null");
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a successful status: " + status);
        }
    }
}
