package dev.greenlight.server.web;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.RestrictedSettingsTest;

/** Cross-origin calls with one allowed origin: that origin gets CORS answers, every other origin a problem. */
class CorsTest extends RestrictedSettingsTest {
    @Test
    void preflightFromTheAllowedOriginIsAnswered() {
        HttpResult preflight = preflight(ALLOWED_ORIGIN, "POST", "authorization, content-type, idempotency-key");

        assertThat(preflight.status()).as(preflight.toString()).isBetween(200, 299);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization")
                .containsIgnoringCase("idempotency-key");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).as("cookies never cross origins").isNull();
    }

    @Test
    void requestFromTheAllowedOriginIsServedWithCorsHeaders() {
        String slug = Fixtures.unique("cross-origin");

        HttpResult created = admin().header("Origin", ALLOWED_ORIGIN).post("/api/v1/projects", Map.of("slug", slug, "name", "Made cross-origin"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(created.header("Access-Control-Expose-Headers")).containsIgnoringCase("X-Request-Id");
        assertThat(created.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void preflightFromAnyOtherOriginIsRefused() {
        for (String origin : List.of("https://evil.example.com", "http://ci.example.com", "https://ci.example.com:8443",
                "https://ci.example.com.evil.example", "null")) {
            HttpResult preflight = preflight(origin, "POST", "authorization");

            assertCorsRejected(preflight);
        }
    }

    @Test
    void requestFromAnotherOriginIsRefusedAndChangesNothing() {
        String slug = Fixtures.unique("forged");

        HttpResult refused = admin().header("Origin", "https://evil.example.com").post("/api/v1/projects", Map.of("slug", slug, "name", "Forged"));

        assertCorsRejected(refused);
        assertThat(admin().get("/api/v1/projects/" + slug).status()).as("the project was not created").isEqualTo(404);
    }

    @Test
    void preflightNeverApprovesAHeaderOutsideTheAllowlist() {
        HttpResult onlyUnknown = preflight(ALLOWED_ORIGIN, "POST", "x-smuggled");
        HttpResult mixed = preflight(ALLOWED_ORIGIN, "POST", "authorization, x-smuggled");

        assertCorsRejected(onlyUnknown);
        // Spring approves the allowed subset; the browser then refuses the request because x-smuggled is missing.
        assertThat(mixed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization").doesNotContainIgnoringCase("x-smuggled");
    }

    private HttpResult preflight(String origin, String method, String headers) {
        return api.anonymous().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).send("OPTIONS", "/api/v1/projects", null);
    }

    static void assertCorsRejected(HttpResult result) {
        assertProblem(result, 403, "cors-rejected");
        assertThat(result.header("Access-Control-Allow-Origin")).isNull();
    }
}
