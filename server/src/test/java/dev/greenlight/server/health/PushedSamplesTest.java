package dev.greenlight.server.health;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.testing.HttpResult;
import tools.jackson.databind.JsonNode;

/**
 * Health samples pushed over HTTP and read back through {@link VersionHealth}: which samples count for a window,
 * how they add up, and that a push that breaks a rule, comes from someone without the permission, or targets an
 * environment that does not take pushes changes nothing.
 */
class PushedSamplesTest extends HealthIntegrationTest {
    private static final Instant START = Instant.now().minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void samplesWithinTheWindowAddUpAndTheSlowestP95Counts() {
        String project = pushedProject();
        String reporter = fixtures.keyWithRole("developer", project);

        HttpResult first = api.as(reporter).post(samples(project, "prod"), push("2.0.0", 600, 6, 120.5, START, START.plusSeconds(60)));
        pushed(api.as(reporter).post(samples(project, "prod"), push("2.0.0", 400, 4, 180.0, START.plusSeconds(60), START.plusSeconds(120))));
        pushed(api.as(reporter).post(samples(project, "prod"), push("2.0.0", 500, 0, null, START.plusSeconds(120), START.plusSeconds(180))));
        // Outside the window on either side, and another version inside it: none of them count.
        pushed(api.as(reporter).post(samples(project, "prod"), push("2.0.0", 9_000, 9_000, 999.0, START.minusSeconds(30), START.plusSeconds(30))));
        pushed(api.as(reporter).post(samples(project, "prod"), push("2.0.0", 9_000, 9_000, 999.0, START.plusSeconds(170), START.plusSeconds(190))));
        pushed(api.as(reporter).post(samples(project, "prod"), push("1.9.0", 9_000, 9_000, 999.0, START, START.plusSeconds(60))));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode stored = first.json();
        assertThat(stored.get("id").asString()).isNotBlank();
        assertThat(stored.get("version").asString()).isEqualTo("2.0.0");
        assertThat(stored.get("requests").asLong()).isEqualTo(600);
        assertThat(stored.get("errors").asLong()).isEqualTo(6);
        assertThat(stored.get("latencyP95Ms").asDouble()).isEqualTo(120.5);
        assertThat(Instant.parse(stored.get("windowStart").asString())).isEqualTo(START);
        assertThat(Instant.parse(stored.get("windowEnd").asString())).isEqualTo(START.plusSeconds(60));
        assertThat(sample(project, "2.0.0", START, START.plusSeconds(180))).contains(new HealthSample(1_500, 10, 180.0));
        assertThat(sample(project, "2.0.0", START, START.plusSeconds(120))).contains(new HealthSample(1_000, 10, 180.0));
        assertThat(sample(project, "2.0.0", START.plusSeconds(120), START.plusSeconds(180))).contains(new HealthSample(500, 0, null));
        assertThat(sample(project, "1.9.0", START, START.plusSeconds(180))).contains(new HealthSample(9_000, 9_000, 999.0));
    }

    @Test
    void noSampleIsNoDataAndAZeroSampleIsZeroTraffic() {
        String project = pushedProject();

        assertThat(sample(project, "2.0.0", START, START.plusSeconds(60))).isEmpty();
        pushed(admin().post(samples(project, "prod"), push("2.0.0", 0, 0, null, START, START.plusSeconds(60))));
        assertThat(sample(project, "2.0.0", START, START.plusSeconds(60))).contains(new HealthSample(0, 0, null));
        assertThat(sample(project, "2.0.0", START.plusSeconds(1), START.plusSeconds(60))).as("a window partly outside").isEmpty();
    }

    @Test
    void aSampleWithoutAWindowIsAReportAsOfNow() {
        String project = pushedProject();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        HttpResult stored = pushed(admin().post(samples(project, "prod"), Map.of("version", "2.0.0", "requests", 50, "errors", 1)));

        Instant end = Instant.parse(stored.json().get("windowEnd").asString());
        assertThat(end).isBetween(before, Instant.now());
        assertThat(stored.json().get("windowStart").asString()).isEqualTo(stored.json().get("windowEnd").asString());
        assertThat(stored.json().get("latencyP95Ms").isNull()).isTrue();
        assertThat(sample(project, "2.0.0", end.minusSeconds(1), end.plusSeconds(1))).contains(new HealthSample(50, 1, null));
        assertThat(sample(project, "2.0.0", end.plusMillis(1), end.plusSeconds(1))).isEmpty();
    }

    @Test
    void aRetriedPushWithTheSameIdempotencyKeyCountsOnce() {
        String project = pushedProject();
        Map<String, Object> body = push("2.0.0", 100, 1, null, START, START.plusSeconds(10));

        HttpResult first = admin().header("Idempotency-Key", "push-1").post(samples(project, "prod"), body);
        HttpResult again = admin().header("Idempotency-Key", "push-1").post(samples(project, "prod"), body);

        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(sample(project, "2.0.0", START, START.plusSeconds(10))).contains(new HealthSample(100, 1, null));
    }

    @Test
    void invalidSamplesAreRefusedNamingTheFieldAndChangeNothing() {
        String project = pushedProject();
        pushed(admin().post(samples(project, "prod"), push("2.0.0", 100, 1, 50.0, START, START.plusSeconds(60))));
        Map<String, Object> valid = push("2.0.0", 100, 1, 50.0, START.plusSeconds(60), START.plusSeconds(120));
        Instant now = Instant.now();
        List<Invalid> invalid = List.of(
                new Invalid(with(valid, "version", "2.0.0 beta"), "version"),
                new Invalid(with(valid, "version", "1".repeat(129)), "version"),
                new Invalid(with(valid, "version", null), "version"),
                new Invalid(with(valid, "requests", -1), "requests"),
                new Invalid(with(valid, "requests", PushedSampleController.MAX_REQUESTS + 1), "requests"),
                new Invalid(with(valid, "requests", null), "requests"),
                new Invalid(with(valid, "errors", 101), "errors"),
                new Invalid(with(valid, "errors", -1), "errors"),
                new Invalid(with(valid, "errors", null), "errors"),
                new Invalid(with(valid, "latencyP95Ms", -0.5), "latencyP95Ms"),
                new Invalid(with(valid, "latencyP95Ms", 86_400_001.0), "latencyP95Ms"),
                new Invalid(with(valid, "latencyP95Ms", "NaN"), "latencyP95Ms"),
                new Invalid(window(valid, START, START.plus(Duration.ofHours(1)).plusSeconds(1)), "windowStart"),
                new Invalid(window(valid, START.plusSeconds(10), START), "windowStart"),
                new Invalid(window(valid, now, now.plusSeconds(600)), "windowEnd"));
        for (Invalid one : invalid) {
            HttpResult refused = admin().post(samples(project, "prod"), one.body());
            assertProblem(refused, 400, "validation-failed");
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(one.body().toString()).contains(one.field());
        }
        assertProblem(admin().post(samples(project, "prod"), with(valid, "requests", 1.5)), 400, "malformed-body");
        assertProblem(admin().post(samples(project, "prod"), with(valid, "windowEnd", "yesterday")), 400, "malformed-body");
        assertProblem(admin().post(samples(project, "prod"), "{\"version\": "), 400, "malformed-body");

        assertThat(sample(project, "2.0.0", START.minusSeconds(3600), Instant.now().plusSeconds(3600)))
                .contains(new HealthSample(100, 1, 50.0));
    }

    @Test
    void pushingNeedsThePermissionToReportDeployments() {
        String project = pushedProject();
        String viewer = fixtures.keyWithRole("viewer", project);
        String security = fixtures.keyWithRole("security", project);
        String stranger = fixtures.keyWithoutRoles();
        Map<String, Object> body = push("2.0.0", 100, 1, null, START, START.plusSeconds(60));

        assertProblem(api.as(viewer).post(samples(project, "prod"), body), 403, "forbidden");
        assertProblem(api.as(security).post(samples(project, "prod"), body), 403, "forbidden");
        assertProblem(api.as(stranger).post(samples(project, "prod"), body), 404, "not-found");
        assertProblem(api.anonymous().post(samples(project, "prod"), body), 401, "unauthenticated");
        assertThat(sample(project, "2.0.0", START, START.plusSeconds(60))).isEmpty();

        assertThat(api.as(fixtures.keyWithRole("release-captain", project)).post(samples(project, "prod"), body).status()).isEqualTo(201);
        assertThat(sample(project, "2.0.0", START, START.plusSeconds(60))).contains(new HealthSample(100, 1, null));
    }

    @Test
    void anEnvironmentThatDoesNotTakePushesRefusesThemWithAConflict() {
        String project = pushedProject();
        Map<String, Object> body = push("2.0.0", 100, 1, null, START, START.plusSeconds(60));

        HttpResult unconfigured = admin().post(samples(project, "staging"), body);
        assertProblem(unconfigured, 409, "conflict");
        assertThat(unconfigured.json().get("detail").asString()).contains("has no health source").contains("pushed");
        assertThat(admin().put(healthSource(project, "staging"), Map.of("kind", "prometheus", "url", "http://127.0.0.1:9")).status()).isEqualTo(200);
        HttpResult prometheus = admin().post(samples(project, "staging"), body);
        assertProblem(prometheus, 409, "conflict");
        assertThat(prometheus.json().get("detail").asString()).contains("takes its health from prometheus");
        assertProblem(admin().post(samples(project, "qa"), body), 404, "not-found");
    }

    @Test
    void samplesAreNotRecordedInTheLedgerOneByOne() {
        String project = pushedProject();
        int ledgerBefore = ledgerSize(project);

        for (int i = 0; i < 5; i++) {
            pushed(admin().post(samples(project, "prod"), push("2.0.0", 100, 1, null, START.plusSeconds(i), START.plusSeconds(i + 1))));
        }

        assertThat(ledgerSize(project)).isEqualTo(ledgerBefore);
    }

    /** A project whose prod environment takes pushed samples (staging has no source). */
    private String pushedProject() {
        String project = project();
        assertThat(admin().put(healthSource(project, "prod"), Map.of("kind", "pushed")).status()).isEqualTo(200);
        return project;
    }

    private Optional<HealthSample> sample(String project, String version, Instant from, Instant to) {
        Environment prod = environment(project, "prod");
        return versionHealth.sample(prod, version, from, to);
    }

    private static HttpResult pushed(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
        return result;
    }

    private static Map<String, Object> push(String version, long requests, long errors, Double latencyP95Ms, Instant windowStart, Instant windowEnd) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("requests", requests);
        body.put("errors", errors);
        if (latencyP95Ms != null) {
            body.put("latencyP95Ms", latencyP95Ms);
        }
        body.put("windowStart", windowStart.toString());
        body.put("windowEnd", windowEnd.toString());
        return body;
    }

    private record Invalid(Map<String, Object> body, String field) {
    }

    private static Map<String, Object> window(Map<String, Object> base, Instant windowStart, Instant windowEnd) {
        return with(with(base, "windowStart", windowStart.toString()), "windowEnd", windowEnd.toString());
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }
}
