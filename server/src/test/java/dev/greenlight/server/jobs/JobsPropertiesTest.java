package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.greenlight.server.config.InvalidConfigurationException;
import dev.greenlight.server.testing.ApplicationYaml;

/** Pins the job settings: each default, its property name and the environment variable that sets it. */
class JobsPropertiesTest {

    @Test
    void defaultsWithAnEmptyEnvironment() {
        assertThat(bind(Map.of())).isEqualTo(new JobsProperties(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofMinutes(5)));
    }

    @Test
    void everySettingReadsItsEnvironmentVariable() {
        JobsProperties bound = bind(Map.of(
                "GREENLIGHT_JOBS_THREADS", "8",
                "GREENLIGHT_JOBS_POLLING_INTERVAL", "2s",
                "GREENLIGHT_JOBS_HEARTBEAT_INTERVAL", "1m",
                "GREENLIGHT_JOBS_SHUTDOWN_MAX_WAIT", "10s",
                "GREENLIGHT_JOBS_RETRY_BASE", "250ms",
                "GREENLIGHT_JOBS_RETRY_MAX_DELAY", "1h"));

        assertThat(bound).isEqualTo(new JobsProperties(8, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofMillis(250), Duration.ofHours(1)));
    }

    /** Each setting reads its variable, as a failure message names it, and these are all the job settings there are. */
    @Test
    void applicationYamlMapsEachSettingToItsVariable() throws Exception {
        Map<String, Object> jobSettings = new TreeMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))) {
            for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                if (name.startsWith("greenlight.jobs.")) {
                    jobSettings.put(name, String.valueOf(source.getProperty(name)));
                }
            }
        }

        assertThat(jobSettings).isEqualTo(new TreeMap<>(Map.of(
                "greenlight.jobs.threads", "${GREENLIGHT_JOBS_THREADS:4}",
                "greenlight.jobs.polling-interval", "${GREENLIGHT_JOBS_POLLING_INTERVAL:500ms}",
                "greenlight.jobs.heartbeat-interval", "${GREENLIGHT_JOBS_HEARTBEAT_INTERVAL:30s}",
                "greenlight.jobs.shutdown-max-wait", "${GREENLIGHT_JOBS_SHUTDOWN_MAX_WAIT:30s}",
                "greenlight.jobs.retry-base", "${GREENLIGHT_JOBS_RETRY_BASE:1s}",
                "greenlight.jobs.retry-max-delay", "${GREENLIGHT_JOBS_RETRY_MAX_DELAY:5m}")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "GREENLIGHT_JOBS_THREADS, 0, greenlight.jobs.threads",
            "GREENLIGHT_JOBS_THREADS, 65, greenlight.jobs.threads",
            "GREENLIGHT_JOBS_POLLING_INTERVAL, 1ms, greenlight.jobs.polling-interval",
            "GREENLIGHT_JOBS_HEARTBEAT_INTERVAL, 0s, greenlight.jobs.heartbeat-interval",
            "GREENLIGHT_JOBS_SHUTDOWN_MAX_WAIT, -1s, greenlight.jobs.shutdown-max-wait",
            "GREENLIGHT_JOBS_RETRY_BASE, 0s, greenlight.jobs.retry-base",
            "GREENLIGHT_JOBS_RETRY_MAX_DELAY, 8d, greenlight.jobs.retry-max-delay",
            "GREENLIGHT_JOBS_RETRY_MAX_DELAY, 500ms, greenlight.jobs.retry-max-delay"})
    void aValueOutsideItsRangeIsRefusedNamingTheSetting(String variable, String value, String property) {
        assertThatThrownBy(() -> bind(Map.of(variable, value)))
                .rootCause().isInstanceOfSatisfying(InvalidConfigurationException.class,
                        invalid -> assertThat(invalid.property()).isEqualTo(property));
    }

    private static JobsProperties bind(Map<String, Object> variables) {
        return Binder.get(ApplicationYaml.withVariables(variables)).bindOrCreate("greenlight.jobs", JobsProperties.class);
    }
}
