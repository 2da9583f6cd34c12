package dev.greenlight.cli.promotions;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How long {@code --wait} follows what the server does in the background: a duration, or, when the option is given
 * without one, until it ends. A promotion may wait hours for its approvals; a pipeline's own timeout is then the limit.
 */
record WaitLimit(@Nullable Duration limit) {
    /** What picocli hands the converter when {@code --wait} has no value. */
    static final String UNTIL_DONE = "until-done";

    WaitLimit {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("a wait lasts longer than 0s: " + limit);
        }
    }

    /** "for at most 15m", or "until it ends". */
    String describe() {
        return limit == null ? "until it ends" : "for at most " + DurationArgument.format(limit);
    }

    static final class Converter implements ITypeConverter<WaitLimit> {
        @Override
        public WaitLimit convert(String value) {
            if (value.isEmpty() || UNTIL_DONE.equals(value)) {
                return new WaitLimit(null);
            }
            Duration duration;
            try {
                duration = DurationArgument.parse(value);
            } catch (IllegalArgumentException e) {
                // Picocli gives an optional value whatever follows the option, a positional argument included.
                throw new TypeConversionException(e.getMessage() + "; put --wait after the arguments, or write --wait=DURATION");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("a wait lasts longer than 0s; leave the duration out to wait until it ends");
            }
            return new WaitLimit(duration);
        }
    }
}
