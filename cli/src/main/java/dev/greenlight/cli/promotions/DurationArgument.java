package dev.greenlight.cli.promotions;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration on the command line: days, hours, minutes, seconds and milliseconds such as {@code 5m}, {@code 90s},
 * {@code 1h30m} or {@code 500ms}, or ISO-8601 ({@code PT5M}). It is sent to the server as ISO-8601, which the server
 * reads whatever spelling the user chose.
 */
final class DurationArgument {
    private static final Pattern UNITS = Pattern.compile(
            "(?:([0-9]{1,4})d)?(?:([0-9]{1,5})h)?(?:([0-9]{1,6})m(?!s))?(?:([0-9]{1,7})s)?(?:([0-9]{1,9})ms)?");

    private DurationArgument() {
    }

    static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher units = UNITS.matcher(trimmed);
        if (!trimmed.isEmpty() && units.matches()) {
            return Duration.ofDays(number(units.group(1)))
                    .plusHours(number(units.group(2)))
                    .plusMinutes(number(units.group(3)))
                    .plusSeconds(number(units.group(4)))
                    .plusMillis(number(units.group(5)));
        }
        try {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 30s, 5m, 1h30m or 500ms");
        }
    }

    /** The short spelling people write: "1h30m", "5m", "30s", "500ms", "0s"; whole seconds unless under one second. */
    static String format(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return "0s";
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.plusNanos(999_999_999).toSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 86_400) {
            text.append(seconds / 86_400).append('d');
        }
        if (seconds % 86_400 >= 3600) {
            text.append(seconds % 86_400 / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.isEmpty()) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }

    /** An ISO-8601 duration from the server ({@code PT5M}) in the short spelling; anything else as it came. */
    static String formatIso(String iso) {
        try {
            return format(Duration.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
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
