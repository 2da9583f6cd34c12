package dev.greenlight.server.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.platform.GreenlightException;

class FreezeWindowTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final FreezeWindow WEEKEND = FreezeWindow.parse(0, "0 18 * * 5", "PT63H", "Europe/Berlin", "weekend");

    @Test
    void holdsFromItsStartUntilItsEndInItsTimeZone() {
        assertThat(WEEKEND.activeUntil(berlin(2026, 12, 4, 17, 59))).isEmpty();
        assertThat(WEEKEND.activeUntil(berlin(2026, 12, 4, 18, 0))).hasValue(berlin(2026, 12, 7, 9, 0));
        assertThat(WEEKEND.activeUntil(berlin(2026, 12, 6, 12, 0))).hasValue(berlin(2026, 12, 7, 9, 0));
        assertThat(WEEKEND.activeUntil(berlin(2026, 12, 7, 8, 59))).hasValue(berlin(2026, 12, 7, 9, 0));
        assertThat(WEEKEND.activeUntil(berlin(2026, 12, 7, 9, 0))).isEmpty();
    }

    @Test
    void startsAtLocalTimeAcrossTheEndOfDaylightSavingTime() {
        // Summer time ends on Sunday 25 October 2026: the window still starts at 18:00 local on Friday and lasts 63 hours.
        Instant start = berlin(2026, 10, 23, 18, 0);
        assertThat(WEEKEND.activeUntil(berlin(2026, 10, 25, 12, 0))).hasValue(start.plus(Duration.ofHours(63)));
        assertThat(WEEKEND.activeUntil(berlin(2026, 3, 27, 18, 30))).hasValue(berlin(2026, 3, 27, 18, 0).plus(Duration.ofHours(63)));
    }

    @Test
    void overlappingStartsReportTheLatestEnd() {
        FreezeWindow hourly = FreezeWindow.parse(0, "0 * * * *", "PT90M", "UTC", null);
        Instant at = Instant.parse("2026-12-04T10:40:00Z");
        assertThat(hourly.activeUntil(at)).hasValue(Instant.parse("2026-12-04T11:30:00Z"));
    }

    @Test
    void refusesWhatIsNotAWindow() {
        assertThatThrownBy(() -> FreezeWindow.parse(2, "0 0 18 * * 5", "PT1H", "UTC", null)).isInstanceOf(GreenlightException.class)
                .hasMessageContaining("1 invalid field");
        assertThatThrownBy(() -> FreezeWindow.parse(0, "0 18 * * 5", "P40D", "UTC", null)).isInstanceOf(GreenlightException.class);
        assertThatThrownBy(() -> FreezeWindow.parse(0, "0 18 * * 5", "PT0S", "UTC", null)).isInstanceOf(GreenlightException.class);
        assertThatThrownBy(() -> FreezeWindow.parse(0, "0 18 * * 5", "PT1H", "Mars/Olympus", null)).isInstanceOf(GreenlightException.class);
        assertThatThrownBy(() -> FreezeWindow.parse(0, "0 18 * * 5", null, "UTC", null)).isInstanceOf(GreenlightException.class);
    }

    private static Instant berlin(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN).toInstant();
    }
}
