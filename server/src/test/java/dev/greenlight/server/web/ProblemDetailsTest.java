package dev.greenlight.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.FailingEndpoint;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Every error, the framework's included, is problem+json with a stable type and a trace id, and leaks nothing. */
class ProblemDetailsTest extends IntegrationTest {

    @Test
    void unknownPathIs404Problem() {
        assertProblem(admin().get("/api/v1/no-such-thing"), 404, "not-found");
    }

    @Test
    void unsupportedMethodIs405ProblemWithAllowHeader() {
        HttpResult result = admin().delete("/api/v1/projects");
        assertProblem(result, 405, "method-not-allowed");
        assertThat(result.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void unacceptableMediaTypeIs406Problem() {
        assertProblem(admin().header("Accept", "text/csv").get("/api/v1/projects"), 406, "not-acceptable");
    }

    @Test
    void unsupportedContentTypeIs415Problem() {
        assertProblem(admin().header("Content-Type", "text/plain").post("/api/v1/projects", "slug=x"), 415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400ProblemThatSaysWhere() {
        HttpResult result = admin().post("/api/v1/projects", "{\"slug\": \"x\",");
        assertProblem(result, 400, "malformed-body");
        assertThat(result.json().get("detail").asString()).contains("line");
    }

    @Test
    void wrongJsonTypeNamesTheFieldWithoutJavaTypes() {
        HttpResult result = admin().post("/api/v1/projects", "{\"slug\": [1], \"name\": \"x\"}");
        assertProblem(result, 400, "malformed-body");
        assertThat(result.body()).contains("/slug").doesNotContain("java.").doesNotContain("dev.greenlight");
    }

    @Test
    void invalidFieldsAre400WithFieldErrors() {
        HttpResult result = admin().post("/api/v1/projects", Map.of("slug", "Not A Slug", "name", ""));
        assertProblem(result, 400, "validation-failed");
        JsonNode errors = result.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("slug", "name");
    }

    @Test
    void bodyOverOneMebibyteIs413BeforeAnythingIsRead() {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertProblem(admin().post("/api/v1/projects", big), 413, "payload-too-large");
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413() {
        byte[] big = ("{\"slug\":\"chunked\",\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/projects"))
                .header("Authorization", "Bearer " + bootstrapKey())
                .header("Content-Type", "application/json")
                // A stream of unknown length makes the client send the body chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        assertProblem(Api.send(request), 413, "payload-too-large");
        assertThat(admin().get("/api/v1/projects/chunked").status()).isEqualTo(404);
    }

    @Test
    void unexpectedErrorIs500WithoutStackTraceSqlOrPath() {
        HttpResult result = api.get("/test/failure");
        assertProblem(result, 500, "internal-error");
        assertThat(result.body())
                .doesNotContain(FailingEndpoint.LEAKY_MESSAGE)
                .doesNotContain("select").doesNotContain("/etc/").doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void conflictIs409() {
        String project = fixtures.project();
        assertProblem(admin().post("/api/v1/projects", Map.of("slug", project, "name", "again")), 409, "conflict");
    }

    @Test
    void badCursorIs400() {
        assertProblem(admin().get("/api/v1/projects?cursor=not-a-cursor!"), 400, "bad-request");
        assertProblem(admin().get("/api/v1/projects?limit=0"), 400, "bad-request");
        assertProblem(admin().get("/api/v1/projects?limit=abc"), 400, "bad-request");
    }

    @Test
    void traceIdFollowsTraceparentHeader() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResult result = admin().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").get("/api/v1/no-such-thing");
        assertThat(result.json().get("traceId").asString()).isEqualTo(traceId);
    }

    static void assertProblem(HttpResult result, int status, String kind) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.contentType()).startsWith("application/problem+json");
        JsonNode problem = result.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:greenlight:problem:" + kind);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
    }
}
