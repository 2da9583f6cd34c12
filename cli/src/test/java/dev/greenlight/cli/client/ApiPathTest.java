package dev.greenlight.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiPathTest {
    @Test
    void encodesEachSegmentSoUserInputCannotChangeTheResource() {
        assertThat(ApiPath.of("projects", "pay ments", "releases", "1.0.0+build/7").value())
                .isEqualTo("/api/v1/projects/pay%20ments/releases/1.0.0%2Bbuild%2F7");
    }

    @Test
    void leavesOrdinarySlugsAlone() {
        assertThat(ApiPath.of("projects", "payments", "environments").value()).isEqualTo("/api/v1/projects/payments/environments");
    }
}
