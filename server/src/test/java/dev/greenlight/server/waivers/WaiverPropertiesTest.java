package dev.greenlight.server.waivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

import dev.greenlight.server.config.InvalidConfigurationException;
import dev.greenlight.server.testing.ApplicationYaml;

/** Pins the waiver settings: each default and its property name. */
class WaiverPropertiesTest {

    @Test
    void defaultsWithAnEmptyEnvironment() {
        assertThat(bind(Map.of()).maxDuration()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void maxDurationReadsItsProperty() {
        assertThat(bind(Map.of("greenlight.waivers.max-duration", "7d")).maxDuration()).isEqualTo(Duration.ofDays(7));
        assertThat(bind(Map.of("greenlight.waivers.max-duration", "12h")).maxDuration()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aDurationOutsideItsRangeIsRefused() {
        for (String value : new String[] {"0s", "-1d", "367d"}) {
            assertThatThrownBy(() -> bind(Map.of("greenlight.waivers.max-duration", value))).as(value)
                    .rootCause().isInstanceOfSatisfying(InvalidConfigurationException.class,
                            invalid -> assertThat(invalid.property()).isEqualTo("greenlight.waivers.max-duration"));
        }
    }

    private static WaiverProperties bind(Map<String, Object> properties) {
        return Binder.get(ApplicationYaml.withVariables(properties)).bindOrCreate("greenlight.waivers", WaiverProperties.class);
    }
}
