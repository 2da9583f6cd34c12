package dev.greenlight.cli.waivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExpiryTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aTimeFromNowInDaysHoursOrMinutes() {
        assertThat(Expiry.parse("7d", NOW)).isEqualTo(Instant.parse("2025-06-08T12:00:00Z"));
        assertThat(Expiry.parse("12h", NOW)).isEqualTo(Instant.parse("2025-06-02T00:00:00Z"));
        assertThat(Expiry.parse("90m", NOW)).isEqualTo(Instant.parse("2025-06-01T13:30:00Z"));
    }

    @Test
    void anRfc3339TimestampInAnyOffset() {
        assertThat(Expiry.parse("2025-06-03T14:00:00+02:00", NOW)).isEqualTo(Instant.parse("2025-06-03T12:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedWithAnExample() {
        for (String text : new String[] {"soon", "7", "0d", "-1d", "7w", "2025-06-03"}) {
            assertThatThrownBy(() -> Expiry.parse(text, NOW)).as(text).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7d");
        }
    }
}
