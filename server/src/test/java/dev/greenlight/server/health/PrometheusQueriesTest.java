package dev.greenlight.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus client against a fake server: what it sends, how it reads results, and that every way a server can
 * fail becomes a {@link HealthSourceUnavailable} that names the host and never the token.
 */
class PrometheusQueriesTest {
    private static final String TOKEN = "s3cret-token-value";
    private static final Instant AT = Instant.parse("2023-11-14T22:13:20.250Z");

    private final FakePrometheus server = new FakePrometheus();
    private final PrometheusQueries queries = new PrometheusQueries(
            new HealthProperties(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofHours(1), Duration.ofDays(30)));

    @AfterEach
    void stop() {
        queries.close();
        server.close();
    }

    @Test
    void sendsTheQueryAtTheWindowsEndWithTheToken() {
        server.answer(request -> FakePrometheus.Answer.ok(FakePrometheus.vector("1")));
        String promql = "sum(increase(http_requests_total{version=\"1.0.0\",status=~\"5..\"}[30s])) + 0 & 1";

        query(source(server.url() + "/prometheus/", TOKEN), promql);
        query(source(server.url(), null), "up");

        FakePrometheus.Received withToken = server.received().get(0);
        assertThat(withToken.path()).isEqualTo("/prometheus/api/v1/query");
        assertThat(withToken.parameters()).containsExactly(Map.entry("query", promql), Map.entry("time", "1700000000.250"));
        assertThat(withToken.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(server.received().get(1).path()).isEqualTo("/api/v1/query");
        assertThat(server.received().get(1).authorization()).isNull();
    }

    @Test
    void theValuesOfAVectorAreAddedUp() {
        server.answer(request -> FakePrometheus.Answer.ok(FakePrometheus.vector("12.5", "7.5", "1e2")));

        assertThat(query(source(server.url(), null), "x")).hasValue(120.0);
    }

    @Test
    void aScalarIsItsValue() {
        server.answer(request -> FakePrometheus.Answer.ok("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"3.25\"]}}"));

        assertThat(query(source(server.url(), null), "x")).hasValue(3.25);
    }

    @Test
    void anEmptyResultOrNaNIsNoData() {
        server.answer(request -> FakePrometheus.Answer.ok(FakePrometheus.vector()));
        assertThat(query(source(server.url(), null), "x")).isEmpty();

        server.answer(request -> FakePrometheus.Answer.ok(FakePrometheus.vector("NaN")));
        assertThat(query(source(server.url(), null), "x")).isEmpty();

        server.answer(request -> FakePrometheus.Answer.ok(FakePrometheus.vector("0")));
        assertThat(query(source(server.url(), null), "x")).as("zero is data").hasValue(0.0);
    }

    @Test
    void infinityIsPassedOnForTheCallerToRefuse() {
        server.answer(request -> FakePrometheus.Answer.ok(FakePrometheus.vector("+Inf")));

        assertThat(query(source(server.url(), null), "x")).hasValue(Double.POSITIVE_INFINITY);
    }

    @Test
    void aQueryErrorQuotesPrometheusShortly() {
        server.answer(request -> FakePrometheus.Answer.of(400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected \\\"}\\\"\\n" + "x".repeat(500) + "\"}"));

        assertUnavailable(TOKEN, "Prometheus at 127.0.0.1:", "answered the requests query with HTTP 400: bad_data: 1:5: parse error");
        String message = unavailableMessage(TOKEN);
        assertThat(message).doesNotContain("\n").hasSizeLessThan(400);
    }

    @Test
    void anErrorStatusInASuccessfulResponseIsUnavailable() {
        server.answer(request -> FakePrometheus.Answer.ok("{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"));

        assertUnavailable(TOKEN, "answered the requests query with an error: timeout: query timed out");
    }

    @Test
    void anyOtherStatusIsUnavailable() {
        server.answer(request -> FakePrometheus.Answer.of(503, "<html>Service Unavailable</html>"));
        assertUnavailable(TOKEN, "with HTTP 503.");

        server.answer(request -> FakePrometheus.Answer.of(401, "{\"message\":\"invalid token " + TOKEN + "\"}"));
        assertUnavailable(TOKEN, "with HTTP 401.");
    }

    @Test
    void garbageIsUnavailable() {
        Map<String, String> garbage = Map.of(
                "<html><body>Grafana login</body></html>", "not a Prometheus API answer",
                "[1, 2]", "not a Prometheus API answer",
                "{\"status\":\"success\"}", "without a result",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}", "with a matrix result",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"histogram\":[1,{}]}]}}", "no value",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"many\"]}]}}", "not a number",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":{}}}", "malformed vector");
        garbage.forEach((body, expected) -> {
            server.answer(request -> FakePrometheus.Answer.ok(body));
            assertUnavailable(TOKEN, expected);
        });
    }

    @Test
    void anAnswerLargerThanTheLimitIsUnavailable() {
        String huge = FakePrometheus.vector("1").replace("\"series\":\"0\"", "\"series\":\"" + "x".repeat(PrometheusQueries.MAX_ANSWER_BYTES) + "\"");
        server.answer(request -> FakePrometheus.Answer.ok(huge));

        assertUnavailable(TOKEN, "with more than " + PrometheusQueries.MAX_ANSWER_BYTES + " bytes");
    }

    @Test
    void aServerTooSlowToAnswerIsUnavailable() {
        server.answer(request -> new FakePrometheus.Answer(200, FakePrometheus.vector("1"), 2_000, Map.of()));
        long started = System.nanoTime();

        assertUnavailable(TOKEN, "did not answer the requests query within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void aServerThatIsNotThereIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> queries.start(source("http://127.0.0.1:" + closedPort, TOKEN), "requests", "x", AT).answer())
                .isInstanceOf(HealthSourceUnavailable.class)
                .hasMessage("Could not connect to Prometheus at 127.0.0.1:" + closedPort + ".");
    }

    @Test
    void redirectsAreNotFollowed() {
        server.answer(request -> request.path().startsWith("/elsewhere") ? FakePrometheus.Answer.ok(FakePrometheus.vector("1"))
                : new FakePrometheus.Answer(302, "", 0, Map.of("Location", server.url() + "/elsewhere/api/v1/query")));

        assertUnavailable(TOKEN, "with HTTP 302.");
        assertThat(server.received()).extracting(FakePrometheus.Received::path).containsOnly("/api/v1/query");
    }

    @Test
    void theSourceNeverPrintsItsToken() {
        assertThat(source(server.url(), TOKEN).toString()).doesNotContain(TOKEN).contains("token set");
    }

    private OptionalDouble query(HealthSource.Prometheus source, String promql) {
        return queries.start(source, "requests", promql, AT).answer();
    }

    private void assertUnavailable(String token, String... expected) {
        assertThat(unavailableMessage(token)).contains(expected).doesNotContain(token);
    }

    private String unavailableMessage(String token) {
        try {
            OptionalDouble unexpected = query(source(server.url(), token), "x");
            throw new AssertionError("expected the source to be unavailable, got " + unexpected);
        } catch (HealthSourceUnavailable unavailable) {
            return unavailable.getMessage();
        }
    }

    private static HealthSource.Prometheus source(String url, String token) {
        return new HealthSource.Prometheus(URI.create(url), token, QueryTemplates.DEFAULTS);
    }
}
