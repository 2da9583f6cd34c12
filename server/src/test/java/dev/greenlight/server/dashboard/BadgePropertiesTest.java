package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

import dev.greenlight.server.testing.ApplicationYaml;

/** Pins the badge setting: its default and its property and variable names. */
class BadgePropertiesTest {

    @Test
    void badgesArePrivateByDefault() {
        assertThat(bind(Map.of()).open()).isFalse();
    }

    @Test
    void theVariableOpensThem() {
        assertThat(bind(Map.of("GREENLIGHT_BADGES_PUBLIC", "true")).open()).isTrue();
        assertThat(BadgeProperties.PUBLIC).isEqualTo("greenlight.badges.public");
    }

    private static BadgeProperties bind(Map<String, Object> variables) {
        return Binder.get(ApplicationYaml.withVariables(variables)).bindOrCreate("greenlight.badges", BadgeProperties.class);
    }
}
