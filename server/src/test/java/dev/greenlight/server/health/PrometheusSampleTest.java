package dev.greenlight.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.greenlight.server.projects.Environment;

/**
 * {@link VersionHealth#sample} over a source configured through the API and served by a fake Prometheus: which
 * queries it sends, and how it turns their answers into a sample, no data, or an unavailable source.
 */
class PrometheusSampleTest extends HealthIntegrationTest {
    private static final String TOKEN = "prometheus-token-for-sample-test";
    private static final Instant TO = Instant.parse("2025-03-01T12:00:30.500Z");
    private static final Instant FROM = TO.minus(90, ChronoUnit.SECONDS);

    private final FakePrometheus server = new FakePrometheus();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theThreeQueriesBecomeOneSample() {
        Environment prod = configured(Map.of("kind", "prometheus", "url", server.url(), "bearerToken", TOKEN));
        answer("100.4", "2.6", "0.25");

        assertThat(versionHealth.sample(prod, "2.0.0+b.1", FROM, TO)).contains(new HealthSample(100, 3, 250.0));

        assertThat(server.received()).hasSize(3).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/api/v1/query");
            assertThat(request.parameters()).containsEntry("time", "1740830430.500");
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        });
        assertThat(server.received()).extracting(request -> request.parameters().get("query")).containsExactlyInAnyOrder(
                "sum(increase(http_requests_total{version=\"2.0.0+b.1\"}[90s]))",
                "sum(increase(http_requests_total{version=\"2.0.0+b.1\",status=~\"5..\"}[90s]))",
                "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{version=\"2.0.0+b.1\"}[90s])))");
    }

    @Test
    void noRequestSeriesIsNoDataWhileNoErrorSeriesIsNoErrors() {
        Environment prod = configured(Map.of("kind", "prometheus", "url", server.url()));

        answer(null, "5", "0.1");
        assertThat(versionHealth.sample(prod, "2.0.0", FROM, TO)).isEmpty();

        answer("NaN", "5", "0.1");
        assertThat(versionHealth.sample(prod, "2.0.0", FROM, TO)).isEmpty();

        answer("40", null, null);
        assertThat(versionHealth.sample(prod, "2.0.0", FROM, TO)).contains(new HealthSample(40, 0, null));

        answer("40", "0", "NaN");
        assertThat(versionHealth.sample(prod, "2.0.0", FROM, TO)).contains(new HealthSample(40, 0, null));

        answer("0", null, "NaN");
        assertThat(versionHealth.sample(prod, "2.0.0", FROM, TO)).as("zero traffic is data").contains(new HealthSample(0, 0, null));
    }

    @Test
    void extrapolatedErrorsBeyondTheRequestsMeanAllFailed() {
        Environment prod = configured(Map.of("kind", "prometheus", "url", server.url()));
        answer("99.6", "101.2", null);

        assertThat(versionHealth.sample(prod, "2.0.0", FROM, TO)).contains(new HealthSample(100, 100, null));
    }

    @Test
    void numbersThatCannotBeTrafficMakeTheSourceUnavailable() {
        Environment prod = configured(Map.of("kind", "prometheus", "url", server.url(), "bearerToken", TOKEN));

        for (String[] answers : new String[][] {{"-1", "0", null}, {"+Inf", "0", null}, {"10", "-Inf", null}, {"10", "1", "+Inf"}, {"10", "1", "-0.5"}}) {
            answer(answers[0], answers[1], answers[2]);
            assertThatThrownBy(() -> versionHealth.sample(prod, "2.0.0", FROM, TO)).as(String.join(",", answers))
                    .isInstanceOf(HealthSourceUnavailable.class).hasMessageContaining("not a usable non-negative number")
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void withoutALatencyQueryOnlyTrafficIsAsked() {
        Environment prod = configured(Map.of("kind", "prometheus", "url", server.url(), "queries", Map.of(
                "requests", "sum(increase(hits{v=\"{{version}}\"}[{{window}}]))",
                "errors", "sum(increase(hits{v=\"{{version}}\",code=~\"5..\"}[{{window}}]))")));
        answer("10", "1", "0.5");

        assertThat(versionHealth.sample(prod, "2.0.0", FROM, TO)).contains(new HealthSample(10, 1, null));
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aFailingQueryMakesTheWholeSampleUnavailable() {
        Environment prod = configured(Map.of("kind", "prometheus", "url", server.url(), "bearerToken", TOKEN));
        server.answer(request -> request.parameters().get("query").startsWith("histogram_quantile")
                ? FakePrometheus.Answer.of(422, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching not allowed\"}")
                : FakePrometheus.Answer.ok(FakePrometheus.vector("10")));

        assertThatThrownBy(() -> versionHealth.sample(prod, "2.0.0", FROM, TO)).isInstanceOf(HealthSourceUnavailable.class)
                .hasMessage("Prometheus at 127.0.0.1:" + server.url().substring(server.url().lastIndexOf(':') + 1)
                        + " answered the latencyP95 query with HTTP 422: execution: many-to-many matching not allowed.");
    }

    @Test
    void aServerThatIsGoneMakesTheSourceUnavailable() {
        Environment prod = configured(Map.of("kind", "prometheus", "url", server.url() + "/", "bearerToken", TOKEN));
        server.close();

        assertThatThrownBy(() -> versionHealth.sample(prod, "2.0.0", FROM, TO)).isInstanceOf(HealthSourceUnavailable.class)
                .hasMessageStartingWith("Could not connect to Prometheus at 127.0.0.1:").hasMessageNotContaining(TOKEN);
    }

    @Test
    void aVersionOrWindowThatCannotBeAskedForIsACallersMistakeAndAnEmptyWindowHasNoData() {
        Environment prod = configured(Map.of("kind", "prometheus", "url", server.url()));

        assertThatThrownBy(() -> versionHealth.sample(prod, "2.0.0\"} or vector(1) or {x=\"", FROM, TO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> versionHealth.sample(prod, "2.0.0", TO, FROM)).isInstanceOf(IllegalArgumentException.class);
        assertThat(versionHealth.sample(prod, "2.0.0", TO, TO)).as("an empty window holds no traffic").isEmpty();
        assertThat(server.received()).isEmpty();
    }

    private Environment configured(Map<String, Object> source) {
        String project = project();
        assertThat(admin().put(healthSource(project, "prod"), source).status()).isEqualTo(200);
        return environment(project, "prod");
    }

    /** What the fake answers to the requests, errors and latency queries: a value, or null for an empty vector. */
    private void answer(String requests, String errors, String latencySeconds) {
        Function<String, FakePrometheus.Answer> vector = value -> FakePrometheus.Answer.ok(value == null ? FakePrometheus.vector()
                : FakePrometheus.vector(value));
        server.answer(request -> {
            String query = request.parameters().get("query");
            if (query.startsWith("histogram_quantile")) {
                return vector.apply(latencySeconds);
            }
            return vector.apply(query.contains("5..") ? errors : requests);
        });
    }
}
