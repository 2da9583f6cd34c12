package dev.greenlight.server.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the promotion pages print them: to the second, in UTC, and saying so. The exact instant stays in the
 * {@code datetime} attribute of the {@code <time>} element for machines.
 */
final class TimeText {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private TimeText() {
    }

    static String of(Instant instant) {
        return SECONDS.format(instant);
    }
}
