package dev.greenlight.server.health;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** What the Prometheus test does on a machine without Prometheus: skips with a hint, or fails when everything must run. */
class PrometheusToolchainTest {
    private static final Path MISSING = Path.of("/nonexistent/prometheus");

    @Test
    void aMissingProgramSkipsWithHowToGetIt() {
        assertThatThrownBy(() -> PrometheusServer.requireInstalled(MISSING, Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("Prometheus test skipped: /nonexistent/prometheus not found; apt-get install prometheus, "
                        + "or set GREENLIGHT_REQUIRE_ALL=true to make this a failure");
    }

    @Test
    void aMissingProgramFailsWhenEverythingIsRequired() {
        assertThatThrownBy(() -> PrometheusServer.requireInstalled(MISSING, Map.of("GREENLIGHT_REQUIRE_ALL", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Prometheus test cannot run and GREENLIGHT_REQUIRE_ALL=true: /nonexistent/prometheus not found; apt-get install prometheus");
    }

    @Test
    void anInstalledProgramNeedsNothing() {
        assertThatCode(() -> PrometheusServer.requireInstalled(Path.of("/bin/sh"), Map.of("GREENLIGHT_REQUIRE_ALL", "true"))).doesNotThrowAnyException();
    }
}
