package dev.greenlight.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is committed as docs/openapi.json and must match what the code serves. To accept a change
 * in the API, regenerate it: {@code ./mvnw verify -pl server -am -Dtest=OpenApiDocumentTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgreenlight.openapi.write=true}, then review the diff.
 */
class OpenApiDocumentTest extends IntegrationTest {
    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void committedDocumentMatchesTheRunningCode() throws IOException {
        HttpResult served = api.get("/api/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        JsonNode document = served.json();
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        if (Boolean.getBoolean("greenlight.openapi.write")) {
            Files.writeString(COMMITTED, JSON.writeValueAsString(document) + "\n");
        }
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json exists; see this class's Javadoc to generate it").isTrue();
        JsonNode committed = JSON.readTree(Files.readString(COMMITTED));
        assertThat(document)
                .as("docs/openapi.json is out of date; see OpenApiDocumentTest's Javadoc to regenerate it")
                .isEqualTo(committed);
    }

    @Test
    void documentDescribesTheMainEndpoints() {
        JsonNode paths = api.get("/api/openapi.json").json().get("paths");
        assertThat(paths.has("/api/v1/projects")).isTrue();
        assertThat(paths.has("/api/v1/projects/{project}/releases/{version}")).isTrue();
        assertThat(paths.has("/api/v1/api-keys")).isTrue();
    }

    @Test
    void swaggerUiIsForSignedInUsersOnly() {
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(401);
        assertThat(api.header("Accept", "text/html").get("/swagger-ui/index.html").status()).isEqualTo(302);
        assertThat(admin().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
