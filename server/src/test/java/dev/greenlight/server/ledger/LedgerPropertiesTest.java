package dev.greenlight.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

import dev.greenlight.server.testing.ApplicationYaml;

/** Pins the ledger settings: each default, and the environment variable that application.yaml maps to it. */
class LedgerPropertiesTest {

    @Test
    void defaultsWithAnEmptyEnvironment() {
        LedgerProperties properties = bind(Map.of());
        assertThat(properties.origin()).isEmpty();
        assertThat(properties.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.publicCheckpoint()).isFalse();
        assertThat(properties.signingKeyPath()).isNull();
    }

    @Test
    void eachSettingReadsItsVariable() {
        LedgerProperties properties = bind(Map.of(
                "GREENLIGHT_LEDGER_ORIGIN", "greenlight.example.com/ledger",
                "GREENLIGHT_LEDGER_CHECKPOINT_INTERVAL", "250ms",
                "GREENLIGHT_LEDGER_PUBLIC_CHECKPOINT", "true",
                "GREENLIGHT_LEDGER_SIGNING_KEY_FILE", "/etc/greenlight/ledger.pk8"));
        assertThat(properties.origin()).isEqualTo("greenlight.example.com/ledger");
        assertThat(properties.checkpointInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.publicCheckpoint()).isTrue();
        assertThat(properties.signingKeyPath()).isEqualTo(Path.of("/etc/greenlight/ledger.pk8"));
    }

    private static LedgerProperties bind(Map<String, Object> variables) {
        return Binder.get(ApplicationYaml.withVariables(variables)).bind("greenlight.ledger", LedgerProperties.class).get();
    }
}
