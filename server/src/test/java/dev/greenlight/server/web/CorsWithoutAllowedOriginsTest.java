package dev.greenlight.server.web;

import static dev.greenlight.server.web.CorsTest.assertCorsRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/** With no GREENLIGHT_CORS_ORIGINS (the default), every cross-origin call is refused; same-origin ones are not. */
class CorsWithoutAllowedOriginsTest extends IntegrationTest {
    private static final String SOME_ORIGIN = "https://ci.example.com";

    @Test
    void preflightIsRefused() {
        HttpResult preflight = api.anonymous().header("Origin", SOME_ORIGIN).header("Access-Control-Request-Method", "GET")
                .send("OPTIONS", "/api/v1/me", null);

        assertCorsRejected(preflight);
    }

    @Test
    void crossOriginRequestIsRefusedEvenWithAValidKey() {
        String slug = Fixtures.unique("cross-origin");

        HttpResult read = admin().header("Origin", SOME_ORIGIN).get("/api/v1/me");
        HttpResult write = admin().header("Origin", SOME_ORIGIN).post("/api/v1/projects", Map.of("slug", slug, "name", "Forged"));

        assertCorsRejected(read);
        assertCorsRejected(write);
        assertThat(admin().get("/api/v1/projects/" + slug).status()).isEqualTo(404);
    }

    @Test
    void sameOriginRequestWithAnOriginHeaderIsNotCrossOrigin() {
        // Browsers send Origin on same-origin POSTs too, e.g. the sign-in form; those must not be refused as CORS.
        String slug = Fixtures.unique("same-origin");

        HttpResult created = admin().header("Origin", api.baseUrl()).post("/api/v1/projects", Map.of("slug", slug, "name", "Same origin"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
