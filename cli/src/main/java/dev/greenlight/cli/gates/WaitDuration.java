package dev.greenlight.cli.gates;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How long to wait, as given with {@code --wait} and {@code --interval}: hours, minutes and seconds such as
 * {@code 10m}, {@code 90s} or {@code 1h30m}, or ISO-8601 ({@code PT10M}).
 */
final class WaitDuration {
    private static final Pattern UNITS = Pattern.compile("(?:([0-9]{1,5})h)?(?:([0-9]{1,5})m)?(?:([0-9]{1,7})s)?");

    private WaitDuration() {
    }

    static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher units = UNITS.matcher(trimmed);
        if (!trimmed.isEmpty() && units.matches()) {
            return Duration.ofHours(number(units.group(1))).plusMinutes(number(units.group(2))).plusSeconds(number(units.group(3)));
        }
        try {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 10m or 1h30m");
        }
    }

    /** The shortest spelling {@link #parse} reads back, in whole seconds rounded up: "1m50s", "10s", "0s". */
    static String format(Duration duration) {
        long seconds = duration.isNegative() ? 0 : duration.plusNanos(999_999_999).toSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.isEmpty()) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }

    private static long number(@Nullable String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** Lets picocli report a malformed duration as a usage error naming the option. */
    static final class Converter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
