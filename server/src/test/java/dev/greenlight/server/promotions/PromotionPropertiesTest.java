package dev.greenlight.server.promotions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

import dev.greenlight.server.config.InvalidConfigurationException;
import dev.greenlight.server.testing.ApplicationYaml;

/** Pins the promotion settings: each default and its property name. */
class PromotionPropertiesTest {

    @Test
    void defaultsWithAnEmptyEnvironment() {
        PromotionProperties defaults = bind(Map.of());
        assertThat(defaults.approvalRecheck()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.approvalTimeout()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void eachSettingReadsItsProperty() {
        PromotionProperties set = bind(Map.of("greenlight.promotions.approval-recheck", "30s", "greenlight.promotions.approval-timeout", "2d"));
        assertThat(set.approvalRecheck()).isEqualTo(Duration.ofSeconds(30));
        assertThat(set.approvalTimeout()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void aDurationOutsideItsRangeIsRefusedNamingTheSetting() {
        assertRefused("greenlight.promotions.approval-recheck", "0s");
        assertRefused("greenlight.promotions.approval-recheck", "2h");
        assertRefused("greenlight.promotions.approval-timeout", "-1d");
        assertRefused("greenlight.promotions.approval-timeout", "91d");
    }

    private static void assertRefused(String property, String value) {
        assertThatThrownBy(() -> bind(Map.of(property, value))).as(property + "=" + value)
                .rootCause().isInstanceOfSatisfying(InvalidConfigurationException.class, invalid -> assertThat(invalid.property()).isEqualTo(property));
    }

    private static PromotionProperties bind(Map<String, Object> properties) {
        return Binder.get(ApplicationYaml.withVariables(properties)).bindOrCreate("greenlight.promotions", PromotionProperties.class);
    }
}
