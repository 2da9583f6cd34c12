package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;

/** Job durations and failures, under the names Prometheus scrapes from the management port. */
class JobMetricsTest extends JobsIntegrationTest {

    @Test
    void durationsByOutcomeAndFailuresByKindAreScraped() throws Exception {
        String succeeding = Fixtures.unique("ok");
        queue.enqueue(now(TestJobs.RECORD, succeeding, "{}", JobPriority.DEFAULT, null));
        runs.awaitRuns(TestJobs.RECORD, succeeding, 1);
        String failing = Fixtures.unique("flaky");
        queue.enqueue(now(TestJobs.FLAKY, failing, "{}", JobPriority.DEFAULT, defaultWorkspace()));
        DeadLetterTest.awaitDeadLetter(admin(), failing);

        HttpResult scrape = new Api("http://127.0.0.1:" + environment.getProperty("local.management.port")).get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("# TYPE greenlight_job_duration_seconds histogram")
                .contains("greenlight_job_duration_seconds_count{kind=\"test.record\",outcome=\"success\"}")
                .contains("greenlight_job_duration_seconds_bucket{kind=\"test.record\",outcome=\"success\",le=")
                .contains("greenlight_job_duration_seconds_count{kind=\"test.flaky\",outcome=\"failure\"}")
                .contains("# TYPE greenlight_job_failures_total counter")
                .as("a kind's failure counter exists before its first failure")
                .contains("greenlight_job_failures_total{kind=\"test.block\"} 0.0");
        Matcher deadLetters = Pattern.compile("(?m)^greenlight_jobs_dead_letters ([0-9.]+)$").matcher(scrape.body());
        assertThat(deadLetters.find()).as("the dead letters waiting are a gauge").isTrue();
        assertThat(Double.parseDouble(deadLetters.group(1))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.body()).containsPattern("(?m)^greenlight_jobs_pending [0-9.]+$");
        Matcher failures = Pattern.compile("greenlight_job_failures_total\\{kind=\"test\\.flaky\"} ([0-9.]+)").matcher(scrape.body());
        assertThat(failures.find()).isTrue();
        assertThat(Double.parseDouble(failures.group(1))).isGreaterThanOrEqualTo(TestJobs.FLAKY_ATTEMPTS);
    }
}
