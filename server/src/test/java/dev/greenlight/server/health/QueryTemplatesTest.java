package dev.greenlight.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Rendering PromQL templates for one version and window, and the rules a template must follow. */
class QueryTemplatesTest {

    @Test
    void theDefaultsRenderWithTheVersionQuotedAndTheWindowInSeconds() {
        assertThat(QueryTemplates.render(QueryTemplates.DEFAULT_REQUESTS, "2.4.1+build.7", Duration.ofMinutes(5)))
                .isEqualTo("sum(increase(http_requests_total{version=\"2.4.1+build.7\"}[300s]))");
        assertThat(QueryTemplates.render(QueryTemplates.DEFAULT_ERRORS, "2.4.1", Duration.ofSeconds(30)))
                .isEqualTo("sum(increase(http_requests_total{version=\"2.4.1\",status=~\"5..\"}[30s]))");
        assertThat(QueryTemplates.render(QueryTemplates.DEFAULT_LATENCY_P95, "2.4.1", Duration.ofSeconds(30)))
                .isEqualTo("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{version=\"2.4.1\"}[30s])))");
    }

    @Test
    void theWindowIsWholeSecondsAndAtLeastOne() {
        assertThat(QueryTemplates.render("x{v=\"{{version}}\"}[{{window}}]", "1", Duration.ofMillis(90_999))).isEqualTo("x{v=\"1\"}[90s]");
        assertThat(QueryTemplates.render("x{v=\"{{version}}\"}[{{window}}]", "1", Duration.ofMillis(200))).isEqualTo("x{v=\"1\"}[1s]");
        assertThat(QueryTemplates.render("a{v=\"{{version}}\"}[{{window}}] / b{v=\"{{version}}\"}[{{window}}]", "1", Duration.ofSeconds(2)))
                .isEqualTo("a{v=\"1\"}[2s] / b{v=\"1\"}[2s]");
    }

    @Test
    void aVersionOutsideTheReleaseRuleIsNeverRendered() {
        for (String version : new String[] {"1\"} or vector(1) #", "1.0 ", "", "-1", "1\\", "1\n", "a".repeat(129), "1{2}"}) {
            assertThatThrownBy(() -> QueryTemplates.render(QueryTemplates.DEFAULT_REQUESTS, version, Duration.ofSeconds(1))).as(version)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(QueryTemplates.isReleaseVersion("a".repeat(128))).isTrue();
        assertThat(QueryTemplates.isReleaseVersion("1.0.0-rc.1+sha.5114f85_x")).isTrue();
    }

    @Test
    void escapingMakesAnyValueOneDoubleQuotedString() {
        assertThat(QueryTemplates.escaped("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
        assertThat(QueryTemplates.escaped("2.4.1+build")).isEqualTo("2.4.1+build");
    }

    @Test
    void aTemplateMustBeNonBlankShortAndMentionTheVersion() {
        assertThat(QueryTemplates.problemWith(QueryTemplates.DEFAULT_LATENCY_P95)).isNull();
        assertThat(QueryTemplates.problemWith(null)).contains("non-blank");
        assertThat(QueryTemplates.problemWith("  ")).contains("non-blank");
        assertThat(QueryTemplates.problemWith("sum(up)")).contains("{{version}}");
        assertThat(QueryTemplates.problemWith("x{v=\"{{version}}\"}" + " ".repeat(2048))).contains("2048");
        assertThat(QueryTemplates.problemWith("x{v=\"{{version}}\"}\u0000")).contains("control");
        assertThat(QueryTemplates.problemWith("sum(\n  x{v=\"{{version}}\"}\n)")).isNull();
    }
}
