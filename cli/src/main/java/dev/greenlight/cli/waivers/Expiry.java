package dev.greenlight.cli.waivers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * When a waiver ends, as given with {@code --expires}: a time from now ({@code 7d}, {@code 12h}, {@code 90m}) or an
 * RFC 3339 timestamp. A relative time becomes an instant here, so the server receives what the user meant.
 */
final class Expiry {
    private static final Pattern RELATIVE = Pattern.compile("([1-9][0-9]{0,5})([dhm])");

    private Expiry() {
    }

    static Instant parse(String text, Clock clock) {
        Matcher relative = RELATIVE.matcher(text.strip());
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration duration = switch (relative.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            };
            return clock.instant().plus(duration);
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a time from now such as 7d, 12h or 90m, "
                    + "nor an RFC 3339 timestamp such as 2025-06-01T12:30:00Z");
        }
    }

    /** Lets picocli report a malformed {@code --expires} as a usage error naming the option. */
    static final class Converter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return parse(value, Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
