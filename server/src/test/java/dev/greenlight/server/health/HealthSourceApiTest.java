package dev.greenlight.server.health;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.HttpResult;
import tools.jackson.databind.JsonNode;

/**
 * Configuring an environment's health source over HTTP: what is stored, shown and recorded (never the token), and
 * that a source that breaks a rule is refused naming the field and changes nothing.
 */
class HealthSourceApiTest extends HealthIntegrationTest {
    private static final String TOKEN = "glsa_prometheus-token-0123456789";

    @Test
    void anEnvironmentWithoutASourceHasNoData() {
        String project = project();

        JsonNode shown = admin().get(healthSource(project, "prod")).json();

        assertThat(shown.get("environment").asString()).isEqualTo("prod");
        assertThat(shown.get("configured").asBoolean()).isFalse();
        assertThat(shown.get("kind").isNull()).isTrue();
        assertThat(versionHealth.configured(environment(project, "prod"))).isFalse();
        assertThat(versionHealth.sample(environment(project, "prod"), "1.0.0", Instant.now().minusSeconds(60), Instant.now())).isEmpty();
    }

    @Test
    void aPrometheusSourceIsShownAndRecordedWithoutItsToken() {
        String project = project();
        String viewer = fixtures.keyWithRole("viewer", project);

        HttpResult configured = admin().put(healthSource(project, "prod"),
                Map.of("kind", "prometheus", "url", "https://prometheus.example.com:9090/prom", "bearerToken", TOKEN));

        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        HttpResult shown = api.as(viewer).get(healthSource(project, "prod"));
        assertThat(shown.status()).isEqualTo(200);
        for (HttpResult result : List.of(configured, shown)) {
            JsonNode body = result.json();
            assertThat(result.body()).doesNotContain(TOKEN);
            assertThat(body.get("configured").asBoolean()).isTrue();
            assertThat(body.get("kind").asString()).isEqualTo("prometheus");
            assertThat(body.get("url").asString()).isEqualTo("https://prometheus.example.com:9090/prom");
            assertThat(body.get("hasToken").asBoolean()).isTrue();
            assertThat(body.has("bearerToken")).isFalse();
            assertThat(body.get("queries").get("requests").asString()).isEqualTo(QueryTemplates.DEFAULT_REQUESTS);
            assertThat(body.get("queries").get("errors").asString()).isEqualTo(QueryTemplates.DEFAULT_ERRORS);
            assertThat(body.get("queries").get("latencyP95").asString()).isEqualTo(QueryTemplates.DEFAULT_LATENCY_P95);
            assertThat(body.get("updatedBy").asString()).isNotBlank();
            assertThat(body.get("updatedAt").asString()).isNotBlank();
        }
        List<JsonNode> entries = ledgerEntries(project, "health-source.configured");
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().toString()).doesNotContain(TOKEN).doesNotContain("/prom\"");
        assertThat(subject(entries.getFirst())).containsEntry("environment", "prod").containsEntry("kind", "prometheus")
                .containsEntry("host", "prometheus.example.com:9090").containsEntry("hasToken", true)
                .containsEntry("queries", Map.of("requests", QueryTemplates.DEFAULT_REQUESTS, "errors", QueryTemplates.DEFAULT_ERRORS,
                        "latencyP95", QueryTemplates.DEFAULT_LATENCY_P95));
        assertThat(versionHealth.configured(environment(project, "prod"))).isTrue();
        assertThat(versionHealth.configured(environment(project, "staging"))).isFalse();
    }

    @Test
    void ownQueriesReplaceTheDefaultsAndLatencyIsLeftOutWhenNotGiven() {
        String project = project();
        Map<String, Object> queries = Map.of("requests", "sum(rate(hits{app=\"shop\",v=\"{{version}}\"}[{{window}}])) * 60",
                "errors", "sum(rate(hits{app=\"shop\",v=\"{{version}}\",code=~\"5..\"}[{{window}}])) * 60");

        HttpResult configured = admin().put(healthSource(project, "prod"), Map.of("kind", "prometheus", "url", "http://prom:9090", "queries", queries));

        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        JsonNode shown = admin().get(healthSource(project, "prod")).json();
        assertThat(shown.get("hasToken").asBoolean()).isFalse();
        assertThat(shown.get("queries").get("requests").asString()).isEqualTo(queries.get("requests"));
        assertThat(shown.get("queries").get("errors").asString()).isEqualTo(queries.get("errors"));
        assertThat(shown.get("queries").get("latencyP95").isNull()).isTrue();
        assertThat(subject(ledgerEntries(project, "health-source.configured").getFirst())).containsEntry("queries", queries)
                .containsEntry("host", "prom:9090").containsEntry("hasToken", false);
    }

    @Test
    void theSameSourceAgainRecordsNothingAndAnotherReplacesIt() {
        String project = project();
        Map<String, Object> prometheus = Map.of("kind", "prometheus", "url", "http://prom:9090", "bearerToken", TOKEN);

        assertThat(admin().put(healthSource(project, "prod"), prometheus).status()).isEqualTo(200);
        assertThat(admin().put(healthSource(project, "prod"), prometheus).status()).isEqualTo(200);
        assertThat(ledgerEntries(project, "health-source.configured")).hasSize(1);

        HttpResult withoutToken = admin().put(healthSource(project, "prod"), Map.of("kind", "prometheus", "url", "http://prom:9090"));
        assertThat(withoutToken.json().get("hasToken").asBoolean()).as("a replaced source keeps no token that was not sent again").isFalse();
        HttpResult pushed = admin().put(healthSource(project, "prod"), Map.of("kind", "pushed"));
        assertThat(pushed.status()).isEqualTo(200);
        JsonNode shown = admin().get(healthSource(project, "prod")).json();
        assertThat(shown.get("kind").asString()).isEqualTo("pushed");
        assertThat(shown.get("url").isNull()).isTrue();
        assertThat(shown.get("queries").isNull()).isTrue();
        List<JsonNode> entries = ledgerEntries(project, "health-source.configured");
        assertThat(entries).hasSize(3);
        assertThat(subject(entries.get(2))).isEqualTo(Map.of("environment", "prod", "kind", "pushed"));
    }

    @Test
    void invalidSourcesAreRefusedNamingTheFieldAndChangeNothing() {
        String project = project();
        Map<String, Object> valid = Map.of("kind", "prometheus", "url", "http://prom:9090", "bearerToken", TOKEN);
        assertThat(admin().put(healthSource(project, "prod"), valid).status()).isEqualTo(200);
        String before = admin().get(healthSource(project, "prod")).body();
        int ledgerBefore = ledgerSize(project);
        String longTemplate = "sum(x{v=\"{{version}}\"})" + " ".repeat(QueryTemplates.MAX_LENGTH);
        Map<String, Object> defaults = Map.of("requests", QueryTemplates.DEFAULT_REQUESTS, "errors", QueryTemplates.DEFAULT_ERRORS);
        List<Invalid> invalid = List.of(
                new Invalid(Map.of(), "kind"),
                new Invalid(Map.of("kind", "graphite", "url", "http://graphite"), "kind"),
                new Invalid(Map.of("kind", "prometheus"), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "  "), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "ftp://prom:9090"), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "prom:9090"), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "/api/v1/query"), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "http:///no-host"), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom 9090"), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://admin:" + TOKEN + "@prom:9090"), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom:9090/?token=" + TOKEN), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom:9090/#top"), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom/" + "x".repeat(2048)), "url"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "bearerToken", ""), "bearerToken"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "bearerToken", TOKEN + " x"), "bearerToken"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "bearerToken", TOKEN + "\r\nX-Evil: 1"), "bearerToken"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "bearerToken", "t".repeat(4097)), "bearerToken"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "queries", with(defaults, "requests", "sum(up)")), "queries.requests"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "queries", with(defaults, "requests", null)), "queries.requests"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "queries", with(defaults, "errors", "   ")), "queries.errors"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "queries", with(defaults, "errors", longTemplate)), "queries.errors"),
                new Invalid(Map.of("kind", "prometheus", "url", "http://prom", "queries", with(defaults, "latencyP95", "histogram_quantile(0.95, x)")),
                        "queries.latencyP95"),
                new Invalid(Map.of("kind", "pushed", "url", "http://prom"), "url"),
                new Invalid(Map.of("kind", "pushed", "queries", defaults), "queries"));
        for (Invalid one : invalid) {
            HttpResult refused = admin().put(healthSource(project, "prod"), one.body());
            assertProblem(refused, 400, "validation-failed");
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(one.body().toString()).contains(one.field());
            assertThat(refused.body()).doesNotContain(TOKEN);
        }
        HttpResult everythingWrong = admin().put(healthSource(project, "prod"), Map.of("kind", "prometheus", "url", "ftp://x", "bearerToken", "",
                "queries", Map.of("requests", "up", "errors", "up")));
        assertThat(everythingWrong.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("url", "bearerToken", "queries.requests", "queries.errors");
        assertProblem(admin().put(healthSource(project, "prod"), "{\"kind\": \"prometheus\", "), 400, "malformed-body");
        assertProblem(admin().put(healthSource(project, "prod"), "{\"kind\": \"prometheus\", \"url\": 9090, \"queries\": \"all\"}"), 400, "malformed-body");

        assertThat(admin().get(healthSource(project, "prod")).body()).isEqualTo(before);
        assertThat(ledgerSize(project)).isEqualTo(ledgerBefore);
    }

    @Test
    void onlyThoseWhoManageEnvironmentsConfigureAndEveryoneOnTheProjectReads() {
        String project = project();
        String viewer = fixtures.keyWithRole("viewer", project);
        String developer = fixtures.keyWithRole("developer", project);
        String captain = fixtures.keyWithRole("release-captain", project);
        String projectAdmin = fixtures.keyWithRole("admin", project);
        String stranger = fixtures.keyWithoutRoles();
        Map<String, Object> pushed = Map.of("kind", "pushed");

        for (String key : List.of(viewer, developer, captain)) {
            assertProblem(api.as(key).put(healthSource(project, "prod"), pushed), 403, "forbidden");
        }
        assertProblem(api.as(stranger).put(healthSource(project, "prod"), pushed), 404, "not-found");
        assertProblem(api.as(stranger).get(healthSource(project, "prod")), 404, "not-found");
        assertThat(api.as(viewer).get(healthSource(project, "prod")).json().get("configured").asBoolean()).isFalse();
        assertThat(ledgerEntries(project, "health-source.configured")).isEmpty();

        assertThat(api.as(projectAdmin).put(healthSource(project, "prod"), pushed).status()).isEqualTo(200);
        assertThat(api.as(viewer).get(healthSource(project, "prod")).json().get("kind").asString()).isEqualTo("pushed");
    }

    @Test
    void anUnknownEnvironmentIsNotFound() {
        String project = project();

        assertProblem(admin().put(healthSource(project, "qa"), Map.of("kind", "pushed")), 404, "not-found");
        assertProblem(admin().get(healthSource(project, "qa")), 404, "not-found");
        assertProblem(admin().get(healthSource("no-such-project", "prod")), 404, "not-found");
    }

    private record Invalid(Map<String, Object> body, String field) {
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(new HashMap<>(base));
        copy.put(key, value);
        return copy;
    }
}
