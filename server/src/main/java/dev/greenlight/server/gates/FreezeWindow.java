package dev.greenlight.server.gates;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.InvalidFields;

/**
 * A recurring period in which an environment takes no promotions: it starts at each time the five-field cron expression
 * names, in its time zone (so "18:00 on Fridays" follows daylight saving time), and lasts {@code duration}.
 */
public record FreezeWindow(String cron, Duration duration, String zone, @Nullable String reason) {
    /** A window longer than a month would be a permanent freeze in disguise. */
    static final Duration MAX_DURATION = Duration.ofDays(31);
    /**
     * Bounds the work of one readiness request: windows that start every minute and last for days overlap into one
     * long freeze, whose end is then reported as the end of the thousandth start (it holds at least that long).
     */
    private static final int MAX_STARTS_EXAMINED = 1_000;

    public FreezeWindow {
        requireNonNull(cron, "cron is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(zone, "zone is null");
    }

    /** Parses and checks a window as given in a gate's settings; every problem is a validation failure naming the field. */
    static FreezeWindow parse(int position, @Nullable String cron, @Nullable String duration, @Nullable String zone, @Nullable String reason) {
        String field = "freezeWindows[" + position + "]";
        if (cron == null || cron.isBlank() || cron.trim().split("\\s+").length != 5) {
            throw invalid(field + ".cron", "a cron expression of five fields (minute hour day-of-month month day-of-week)");
        }
        try {
            CronExpression.parse("0 " + cron.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(field + ".cron", "not a valid cron expression: " + e.getMessage());
        }
        Duration length;
        try {
            length = Duration.parse(requireNonNull(duration, "duration"));
        } catch (NullPointerException | DateTimeParseException e) {
            throw invalid(field + ".duration", "an ISO-8601 duration such as PT63H");
        }
        if (length.isNegative() || length.isZero() || length.compareTo(MAX_DURATION) > 0) {
            throw invalid(field + ".duration", "between one second and 31 days");
        }
        try {
            ZoneId.of(requireNonNull(zone, "zone"));
        } catch (NullPointerException | DateTimeException e) {
            throw invalid(field + ".zone", "an IANA time zone such as Europe/Berlin");
        }
        if (reason != null && reason.length() > 500) {
            throw invalid(field + ".reason", "at most 500 characters");
        }
        return new FreezeWindow(cron.trim(), length, zone, reason);
    }

    /** When the window holds at {@code at}, the instant it ends (the latest end when starts overlap). */
    Optional<Instant> activeUntil(Instant at) {
        CronExpression expression = CronExpression.parse("0 " + cron);
        ZoneId zoneId = ZoneId.of(zone);
        // next() is strictly after its argument: starts in (at - duration, at] are the ones still running at `at`.
        ZonedDateTime start = expression.next(ZonedDateTime.ofInstant(at.minus(duration), zoneId));
        Instant until = null;
        for (int examined = 0; start != null && !start.toInstant().isAfter(at) && examined < MAX_STARTS_EXAMINED; examined++) {
            until = start.toInstant().plus(duration);
            start = expression.next(start);
        }
        return Optional.ofNullable(until);
    }

    private static GreenlightException invalid(String field, String message) {
        return InvalidFields.single(field, "must be " + message);
    }
}
