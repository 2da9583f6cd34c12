package dev.greenlight.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/** Security headers on every response, whatever refused or served it, and the request id on every response. */
class SecurityHeadersTest extends IntegrationTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int TWO_MIB = 2 * 1024 * 1024;

    @ParameterizedTest(name = "on a {0}")
    @ValueSource(ints = {200, 401, 404, 413})
    void responseCarriesTheSecurityHeaders(int expectedStatus) {
        HttpResult response = responseWithStatus(expectedStatus);

        assertThat(response.status()).as(response.toString()).isEqualTo(expectedStatus);
        Map<String, String> policy = directives(response.header("Content-Security-Policy"));
        assertThat(policy.get("script-src")).isEqualTo("'self'").doesNotContain("'unsafe-inline'");
        assertThat(policy.get("default-src")).isEqualTo("'self'");
        assertThat(policy.get("object-src")).isEqualTo("'none'");
        assertThat(policy.get("frame-ancestors")).isEqualTo("'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.header("Permissions-Policy")).contains("camera=()").contains("geolocation=()").contains("microphone=()");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void signInPageHasNoInlineScript() {
        HttpResult page = api.anonymous().header("Accept", "text/html").get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(directives(page.header("Content-Security-Policy")).get("script-src")).doesNotContain("'unsafe-inline'");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page.body()).find())
                .as("inline <script> element").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page.body()).find())
                .as("inline event handler attribute").isFalse();
        assertThat(page.body()).doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void wellFormedClientRequestIdIsEchoed() {
        String requestId = "ci-run-4711.step:3";

        HttpResult served = admin().header("X-Request-Id", requestId).get("/api/v1/me");
        HttpResult refused = api.anonymous().header("X-Request-Id", requestId).get("/api/v1/me");

        assertThat(served.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void missingRequestIdIsGeneratedFreshForEachRequest() {
        String first = admin().get("/api/v1/me").header("X-Request-Id");
        String second = admin().get("/api/v1/me").header("X-Request-Id");

        assertThat(first).matches(UUID);
        assertThat(second).matches(UUID).isNotEqualTo(first);
    }

    @Test
    void malformedRequestIdIsReplaced() {
        for (String malformed : List.of("has spaces in it", "x".repeat(129), "semi;colon", "quote\"d", "tab\there")) {
            String echoed = admin().header("X-Request-Id", malformed).get("/api/v1/me").header("X-Request-Id");

            assertThat(echoed).as("for %s", malformed).matches(UUID);
        }
    }

    private HttpResult responseWithStatus(int status) {
        return switch (status) {
            case 200 -> admin().get("/api/v1/me");
            case 401 -> api.anonymous().get("/api/v1/me");
            case 404 -> admin().get("/api/v1/no-such-thing");
            case 413 -> admin().post("/api/v1/projects", jsonOfExactly(TWO_MIB));
            default -> throw new IllegalArgumentException("no request for status " + status);
        };
    }

    private static String jsonOfExactly(int bytes) {
        String prefix = "{\"slug\":\"";
        String suffix = "\"}";
        return prefix + "a".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }

    private static Map<String, String> directives(String policy) {
        assertThat(policy).as("Content-Security-Policy").isNotBlank();
        return Arrays.stream(policy.split(";"))
                .map(String::trim)
                .filter(directive -> !directive.isEmpty())
                .collect(Collectors.toMap(directive -> directive.split("\\s+", 2)[0],
                        directive -> directive.contains(" ") ? directive.split("\\s+", 2)[1] : ""));
    }
}
