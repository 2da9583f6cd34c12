package dev.greenlight.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.testing.HttpResult;
import tools.jackson.databind.JsonNode;

/**
 * Canary analysis against a real Prometheus scraping a service whose traffic the test sets: {@link VersionHealth},
 * configured through the API with the default queries, reads each version's requests, errors and p95 back, a
 * healthy canary passes, and the same canary failing more requests fails.
 */
class PrometheusCanaryTest extends HealthIntegrationTest {
    private static final Duration WINDOW = Duration.ofSeconds(5);
    /** Past a window's end Prometheus needs up to one scrape interval to have its last sample. */
    private static final Duration SETTLE = Duration.ofMillis(1_500);
    private static final String BASELINE = "1.4.2";
    private static final String CANARY = "1.5.0-rc.1+build.9";

    private ScrapedService service;
    private PrometheusServer prometheus;

    @BeforeEach
    void startPrometheus() throws Exception {
        PrometheusServer.requireInstalled(System.getenv());
        service = new ScrapedService();
        service.serve(BASELINE, new ScrapedService.Traffic(200, 2, 0.5));
        service.serve(CANARY, new ScrapedService.Traffic(100, 1, 0.5));
        prometheus = PrometheusServer.scraping(service.target());
    }

    @AfterEach
    void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aHealthyCanaryPassesAndOneFailingMoreRequestsFails() throws Exception {
        String project = project();
        HttpResult configured = admin().put(healthSource(project, "prod"), Map.of("kind", "prometheus", "url", prometheus.url()));
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        Environment prod = environment(project, "prod");
        prometheus.awaitTargetUp(Duration.ofSeconds(10));

        // The first window lies wholly after the first scrape, which happened before the target was seen up.
        Instant to = endOfACoveredWindow(Instant.now());
        HealthSample baseline = sampled(prod, BASELINE, to);
        HealthSample canary = sampled(prod, CANARY, to);

        assertTraffic(baseline, 1_000, 10, 95.0);
        assertTraffic(canary, 500, 5, 95.0);
        assertThat(versionHealth.sample(prod, "9.9.9", to.minus(WINDOW), to)).as("a version Prometheus never saw").isEmpty();
        AnalysisResult healthy = CanaryAnalysis.compare(baseline, canary, AnalysisCriteria.DEFAULTS, false);
        assertThat(healthy.outcome()).as(healthy.reasons().toString()).isEqualTo(AnalysisOutcome.PASS);

        // 4 % of the canary's requests fail from now on: under the 5 % ceiling, but far above the baseline's 1 %.
        service.serve(CANARY, new ScrapedService.Traffic(100, 4, 0.5));
        Instant later = endOfACoveredWindow(Instant.now());
        HealthSample stillBaseline = sampled(prod, BASELINE, later);
        HealthSample failing = sampled(prod, CANARY, later);

        assertTraffic(stillBaseline, 1_000, 10, 95.0);
        assertTraffic(failing, 500, 20, 95.0);
        AnalysisResult breach = CanaryAnalysis.compare(stillBaseline, failing, AnalysisCriteria.DEFAULTS, false);
        assertThat(breach.outcome()).as(breach.reasons().toString()).isEqualTo(AnalysisOutcome.FAIL);
        assertThat(breach.reasons()).singleElement().asString().contains("more than the allowed increase");
    }

    /**
     * Counts match the rates times the window to within the jitter between a scrape's timestamp and the moment the
     * service computed its numbers (milliseconds in seconds); the quantile is a ratio, so jitter cancels out of it.
     */
    private static void assertTraffic(HealthSample sample, long requests, long errors, double latencyP95Millis) {
        assertThat(sample.requests()).as("requests of " + sample).isCloseTo(requests, withinPercentage(3));
        assertThat(sample.errors()).as("errors of " + sample).isCloseTo(errors, within(1L));
        assertThat(sample.latencyP95Millis()).as("p95 of " + sample).isNotNull();
        assertThat(sample.latencyP95Millis()).as("p95 of " + sample).isCloseTo(latencyP95Millis, within(0.5));
    }

    /**
     * The end of a window that starts after {@code trafficSince} and in which Prometheus holds a scrape at least
     * every second and a bit for every series (a slow machine can miss a scrape; then a later window is taken).
     */
    private Instant endOfACoveredWindow(Instant trafficSince) throws InterruptedException {
        sleepUntil(trafficSince.plus(WINDOW).plus(SETTLE));
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            JsonNode fewest = prometheus.query("min(count_over_time(http_requests_total[" + WINDOW.toSeconds() + "s]))", to)
                    .get("data").get("result");
            if (!fewest.isEmpty() && Double.parseDouble(fewest.get(0).get("value").get(1).asString()) >= WINDOW.toSeconds() - 1) {
                return to;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Prometheus did not scrape the service every second; samples per series in the window: " + fewest
                        + "; scrape history: " + prometheus.query("count_over_time(up[30s])") + "; log: " + prometheus.log());
            }
            Thread.sleep(500);
        }
    }

    private HealthSample sampled(Environment environment, String version, Instant to) {
        return versionHealth.sample(environment, version, to.minus(WINDOW), to).orElseThrow(() -> new AssertionError(
                "no data for " + version + " in the " + WINDOW.toSeconds() + " s before " + to + "; Prometheus has "
                        + prometheus.query("http_requests_total", to) + "; log: " + prometheus.log()));
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
