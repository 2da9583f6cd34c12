package dev.greenlight.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.greenlight.server.config.InvalidConfigurationException;
import dev.greenlight.server.testing.ApplicationYaml;

/** Pins the health settings: each default and its property name. */
class HealthPropertiesTest {

    @Test
    void defaultsWithAnEmptyEnvironment() {
        HealthProperties defaults = bind(Map.of());

        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.maxPushedWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.pushedRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void eachSettingReadsItsProperty() {
        HealthProperties set = bind(Map.of(
                "greenlight.health.connect-timeout", "500ms",
                "greenlight.health.request-timeout", "20s",
                "greenlight.health.max-pushed-window", "10m",
                "greenlight.health.pushed-retention", "7d"));

        assertThat(set).isEqualTo(new HealthProperties(Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofDays(7)));
    }

    @Test
    void eachSettingReadsItsEnvironmentVariable() {
        StandardEnvironment environment = ApplicationYaml.withVariables(Map.of());
        // As the process environment: Boot's relaxed binding maps GREENLIGHT_HEALTH_CONNECT_TIMEOUT to
        // greenlight.health.connect-timeout, with or without a line in application.yaml.
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("GREENLIGHT_HEALTH_CONNECT_TIMEOUT", "1s",
                        "GREENLIGHT_HEALTH_REQUEST_TIMEOUT", "3s",
                        "GREENLIGHT_HEALTH_MAX_PUSHED_WINDOW", "5m",
                        "GREENLIGHT_HEALTH_PUSHED_RETENTION", "90d")));

        HealthProperties set = Binder.get(environment).bindOrCreate("greenlight.health", HealthProperties.class);

        assertThat(set).isEqualTo(new HealthProperties(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ofDays(90)));
    }

    @Test
    void aValueOutsideItsRangeIsRefusedNamingTheSetting() {
        Map<String, String> outOfRange = Map.of(
                "greenlight.health.connect-timeout", "0s",
                "greenlight.health.request-timeout", "6m",
                "greenlight.health.max-pushed-window", "2d",
                "greenlight.health.pushed-retention", "1h");
        outOfRange.forEach((property, value) -> assertThatThrownBy(() -> bind(Map.of(property, value))).as(property)
                .rootCause().isInstanceOfSatisfying(InvalidConfigurationException.class,
                        invalid -> assertThat(invalid.property()).isEqualTo(property)));
    }

    private static HealthProperties bind(Map<String, Object> properties) {
        return Binder.get(ApplicationYaml.withVariables(properties)).bindOrCreate("greenlight.health", HealthProperties.class);
    }
}
