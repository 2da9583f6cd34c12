package dev.greenlight.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

import dev.greenlight.server.config.InvalidConfigurationException;
import dev.greenlight.server.testing.ApplicationYaml;

/** Pins the evidence settings: each default, the environment variable application.yaml maps to it, and the multipart limit that follows. */
class EvidencePropertiesTest {

    @Test
    void defaultsWithAnEmptyEnvironment() {
        StandardEnvironment environment = ApplicationYaml.withVariables(Map.of());
        EvidenceProperties properties = bind(environment);
        assertThat(properties.maxBytes()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(properties.maxListedItems()).isEqualTo(10_000);
        assertThat(environment.getProperty("spring.servlet.multipart.max-file-size")).isEqualTo("100MB");
    }

    @Test
    void eachSettingReadsItsVariable() {
        StandardEnvironment environment = ApplicationYaml.withVariables(Map.of(
                "GREENLIGHT_EVIDENCE_MAX_BYTES", "1048576",
                "GREENLIGHT_EVIDENCE_MAX_LISTED_ITEMS", "500"));
        EvidenceProperties properties = bind(environment);
        assertThat(properties.maxBytes()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(properties.maxListedItems()).isEqualTo(500);
        assertThat(environment.getProperty("spring.servlet.multipart.max-request-size")).isEqualTo("1048576");
    }

    @Test
    void aLimitOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> bind(ApplicationYaml.withVariables(Map.of("GREENLIGHT_EVIDENCE_MAX_BYTES", "100GB"))))
                .rootCause().isInstanceOfSatisfying(InvalidConfigurationException.class,
                        invalid -> assertThat(invalid.property()).isEqualTo("greenlight.evidence.max-bytes"));
    }

    private static EvidenceProperties bind(StandardEnvironment environment) {
        return Binder.get(environment).bind("greenlight.evidence", EvidenceProperties.class).get();
    }
}
