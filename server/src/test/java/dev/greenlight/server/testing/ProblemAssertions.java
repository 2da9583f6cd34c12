package dev.greenlight.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on RFC 9457 problem responses, which clients tell apart by status and {@code type}. */
public final class ProblemAssertions {
    public static final String TYPE_PREFIX = "urn:greenlight:problem:";

    private ProblemAssertions() {
    }

    /** The response is a problem document with this status and type ({@code "forbidden"} or the full URN). */
    public static void assertProblem(HttpResult result, int status, String type) {
        String expectedType = type.startsWith(TYPE_PREFIX) ? type : TYPE_PREFIX + type;
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.contentType()).as("content type of " + result).startsWith("application/problem+json");
        assertThat(result.json().get("type").asString()).as(result.toString()).isEqualTo(expectedType);
        assertThat(result.json().get("status").asInt()).isEqualTo(status);
    }
}
