package dev.greenlight.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.cli.testing.FakeGreenlightServer;
import dev.greenlight.cli.testing.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class GreenlightClientTest {
    private final FakeGreenlightServer server = FakeGreenlightServer.start();
    private final AtomicInteger keysIssued = new AtomicInteger();
    private final GreenlightClient client = new GreenlightClient(
            new Connection(ServerAddress.parse(server.url()), new ApiKey("glk_id_secret"), false),
            new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), "greenlight-cli/1.2.3"),
            () -> "key-" + keysIssued.incrementAndGet());

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void authenticatesAndNamesItselfOnEveryRequest() {
        server.respond("GET", "/api/v1/me", 200, "{\"name\":\"admin\"}");

        JsonNode me = client.get(ApiPath.of("me"));

        assertThat(me.path("name").stringValue()).isEqualTo("admin");
        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("Authorization")).isEqualTo("Bearer glk_id_secret");
        assertThat(request.header("Accept")).contains("application/json").contains("application/problem+json");
        assertThat(request.header("User-Agent")).isEqualTo("greenlight-cli/1.2.3");
    }

    @Test
    void followsTheCursorUntilTheLastPage() {
        server.respond("GET", "/api/v1/projects", 200, "{\"items\":[{\"slug\":\"a\"},{\"slug\":\"b\"}],\"nextCursor\":\"c2\"}")
                .respond("GET", "/api/v1/projects?cursor=c2", 200, "{\"items\":[{\"slug\":\"c\"}],\"nextCursor\":\"c+3\"}")
                .respond("GET", "/api/v1/projects?cursor=c%2B3", 200, "{\"items\":[{\"slug\":\"d\"}],\"nextCursor\":null}");

        List<JsonNode> items = client.list(ApiPath.of("projects"), null);

        assertThat(items).extracting(item -> item.path("slug").stringValue()).containsExactly("a", "b", "c", "d");
        assertThat(server.requests()).extracting(RecordedRequest::target)
                .containsExactly("/api/v1/projects", "/api/v1/projects?cursor=c2", "/api/v1/projects?cursor=c%2B3");
    }

    @Test
    void stopsAtTheLimitAndAsksOnlyForWhatIsStillMissing() {
        server.respond("GET", "/api/v1/projects/p/releases?limit=3", 200, "{\"items\":[{\"v\":1},{\"v\":2}],\"nextCursor\":\"n\"}")
                .respond("GET", "/api/v1/projects/p/releases?limit=1&cursor=n", 200, "{\"items\":[{\"v\":3},{\"v\":4}],\"nextCursor\":\"m\"}");

        List<JsonNode> items = client.list(ApiPath.of("projects", "p", "releases"), 3);

        assertThat(items).extracting(item -> item.path("v").intValue()).containsExactly(1, 2, 3);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void capsThePageSizeItAsksFor() {
        server.respond("GET", "/api/v1/projects?limit=100", 200, "{\"items\":[],\"nextCursor\":null}");

        assertThat(client.list(ApiPath.of("projects"), 5000)).isEmpty();
    }

    @Test
    void refusesToLoopForeverOnARepeatedCursor() {
        server.respond("GET", "/api/v1/projects", 200, "{\"items\":[],\"nextCursor\":\"same\"}")
                .respond("GET", "/api/v1/projects?cursor=same", 200, "{\"items\":[],\"nextCursor\":\"same\"}");

        assertThatThrownBy(() -> client.list(ApiPath.of("projects"), null))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("same page cursor twice");
    }

    @Test
    void createsWithJsonBodyAndAFreshIdempotencyKey() {
        server.respond("POST", "/api/v1/projects", 201, "{\"slug\":\"payments\"}");

        client.create(ApiPath.of("projects"), JsonNodeFactory.instance.objectNode().put("slug", "payments"));
        client.create(ApiPath.of("projects"), JsonNodeFactory.instance.objectNode().put("slug", "payments"));

        assertThat(server.requests()).extracting(request -> request.header("Idempotency-Key")).containsExactly("key-1", "key-2");
        RecordedRequest first = server.requests().getFirst();
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(first.body()).isEqualTo("{\"slug\":\"payments\"}");
    }

    @Test
    void retriesACreateOnceWithTheSameKeyWhenTheConnectionDrops() {
        server.dropNextConnections(1).respond("POST", "/api/v1/projects", 201, "{\"slug\":\"payments\"}");

        JsonNode created = client.create(ApiPath.of("projects"), JsonNodeFactory.instance.objectNode().put("slug", "payments"));

        assertThat(created.path("slug").stringValue()).isEqualTo("payments");
        assertThat(server.requests()).hasSize(2).extracting(request -> request.header("Idempotency-Key")).containsOnly("key-1");
    }

    @Test
    void givesUpAfterOneRetry() {
        server.dropNextConnections(5);

        assertThatThrownBy(() -> client.create(ApiPath.of("projects"), JsonNodeFactory.instance.objectNode()))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("Could not reach the Greenlight server at " + server.url());
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void readsProblemDetailsWithFieldErrors() {
        server.respond("POST", "/api/v1/projects", 422, """
                {"type":"https://greenlight.dev/problems/validation","title":"Invalid request","status":422,
                 "detail":"2 fields are invalid","instance":"/api/v1/projects","traceId":"trace-77",
                 "errors":[{"field":"slug","message":"must be lowercase"},{"field":"name","message":"must not be blank"}]}
                """);

        assertThatThrownBy(() -> client.create(ApiPath.of("projects"), JsonNodeFactory.instance.objectNode()))
                .isInstanceOfSatisfying(ApiProblemException.class, exception -> {
                    assertThat(exception.problem().status()).isEqualTo(422);
                    assertThat(exception.problem().traceId()).isEqualTo("trace-77");
                    assertThat(exception.problem().errors())
                            .containsExactly(new FieldError("slug", "must be lowercase"), new FieldError("name", "must not be blank"));
                    assertThat(exception.describe()).containsExactly(
                            "The server rejected the request: Invalid request (HTTP 422)",
                            "2 fields are invalid",
                            "  slug: must be lowercase",
                            "  name: must not be blank",
                            "Trace ID: trace-77 (quote it when asking an administrator)");
                });
    }

    @Test
    void fallsBackToTheStatusWhenAnErrorIsNotJson() {
        server.respond("GET", "/api/v1/me", 502, "text/html", "<html>Bad gateway</html>");

        assertThatThrownBy(() -> client.get(ApiPath.of("me")))
                .isInstanceOf(ApiProblemException.class)
                .hasMessage("The server failed: Bad Gateway (HTTP 502)");
    }

    @Test
    void explainsARedirectInsteadOfFollowingItWithTheKey() {
        server.redirect("GET", "/api/v1/me", "https://greenlight.example.com/api/v1/me");

        assertThatThrownBy(() -> client.get(ApiPath.of("me")))
                .isInstanceOfSatisfying(ApiProblemException.class, exception -> assertThat(exception.describe())
                        .contains("The server redirects to https://greenlight.example.com/api/v1/me; use that address as the server."));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void reportsASuccessThatIsNotJson() {
        server.respond("GET", "/api/v1/me", 200, "text/html", "<html>login page</html>");

        assertThatThrownBy(() -> client.get(ApiPath.of("me")))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("GET /api/v1/me is not valid JSON");
    }

    @Test
    void downloadsRawBytesOutsideTheApiWithTheKey() {
        server.respond("GET", "/ledger/acme/checkpoint", 200, "text/plain; charset=utf-8", "origin\n0\nroot\n");

        byte[] body = client.download("/ledger/acme/checkpoint", "text/plain", 100);

        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("origin\n0\nroot\n");
        RecordedRequest request = server.onlyRequest();
        assertThat(request.header("Authorization")).isEqualTo("Bearer glk_id_secret");
        assertThat(request.header("Accept")).isEqualTo("text/plain");
    }

    @Test
    void refusesADownloadLargerThanItsBound() {
        server.respond("GET", "/ledger/acme/tile/0/000", 200, "application/octet-stream", "x".repeat(33));

        assertThatThrownBy(() -> client.download("/ledger/acme/tile/0/000", "application/octet-stream", 32))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("larger than the 32 bytes");
    }

    @Test
    void reportsTheProblemOfAFailedDownload() {
        server.respond("GET", "/ledger/acme/checkpoint", 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"The ledger has no signed checkpoint yet.\"}");

        assertThatThrownBy(() -> client.download("/ledger/acme/checkpoint", "text/plain", 100))
                .isInstanceOf(ApiProblemException.class)
                .satisfies(e -> assertThat(((ApiProblemException) e).problem().detail()).isEqualTo("The ledger has no signed checkpoint yet."));
    }

    @Test
    void uploadsARawBodyOnceWithItsContentTypeKeyAndQuery() {
        server.respond("POST", "/api/v1/projects/p/releases/1.0/evidence?name=TEST+a.xml&type=junit", 201, "{\"id\":\"e1\"}");

        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("name", "TEST a.xml");
        query.put("type", "junit");
        ApiResponse answer = client.upload(ApiPath.of("projects", "p", "releases", "1.0", "evidence"), query, "application/xml",
                java.net.http.HttpRequest.BodyPublishers.ofString("<testsuite/>"), "upload-key-1");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("id").stringValue()).isEqualTo("e1");
        RecordedRequest request = server.onlyRequest();
        assertThat(request.header("Content-Type")).isEqualTo("application/xml");
        assertThat(request.header("Idempotency-Key")).isEqualTo("upload-key-1");
        assertThat(request.header("Authorization")).isEqualTo("Bearer glk_id_secret");
        assertThat(request.body()).isEqualTo("<testsuite/>");
    }

    @Test
    void anUploadIsNotRetriedByTheClientItself() {
        server.dropNextConnections(1);

        assertThatThrownBy(() -> client.upload(ApiPath.of("projects", "p", "releases", "1.0", "evidence"), java.util.Map.of(),
                "application/xml", java.net.http.HttpRequest.BodyPublishers.ofString("<testsuite/>"), "k"))
                .isInstanceOf(ServerUnreachableException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aProblemKeepsItsOtherTextMembersAndTheServersRetryAfter() {
        server.respond("POST", "/api/v1/projects/p/releases/1.0/evidence", 422, """
                {"type":"urn:greenlight:problem:malformed-evidence","title":"Malformed evidence","status":422,"detail":"bad",
                 "format":"junit","location":"line 3, column 2","line":3,"traceId":"t"}""", java.util.Map.of("Retry-After", "7"));

        assertThatThrownBy(() -> client.upload(ApiPath.of("projects", "p", "releases", "1.0", "evidence"), java.util.Map.of(),
                "application/xml", java.net.http.HttpRequest.BodyPublishers.ofString("<x"), "k"))
                .isInstanceOfSatisfying(ApiProblemException.class, exception -> {
                    assertThat(exception.problem().slug()).isEqualTo("malformed-evidence");
                    assertThat(exception.problem().extensions())
                            .containsExactly(java.util.Map.entry("format", "junit"), java.util.Map.entry("location", "line 3, column 2"));
                    assertThat(exception.retryAfter()).hasValue(Duration.ofSeconds(7));
                });
    }

    @Test
    void aProblemOfAnotherAuthorityHasNoSlug() {
        ApiProblem problem = new ApiProblem("https://example.com/problems/x", "X", 400, null, null, null, List.of(), java.util.Map.of());

        assertThat(problem.slug()).isNull();
    }
}
