package dev.greenlight.server.promotions;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.platform.InvalidFields;

/** {@link InvalidFields} with the checks promotion requests share: durations as people write them, and fractions. */
final class FieldChecks {
    private final InvalidFields errors = new InvalidFields();

    void fail(String field, String message) {
        errors.add(field, message);
    }

    /** The duration, or {@code fallback} when absent; an unreadable or out-of-range one is recorded as an error. */
    Duration duration(String field, @Nullable String text, Duration fallback, Duration min, Duration max) {
        if (text == null) {
            return fallback;
        }
        Duration parsed = DurationText.parse(text).orElse(null);
        if (parsed == null) {
            fail(field, "must be a duration such as 30s, 5m, 2h or PT30S");
            return fallback;
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            fail(field, "must be between " + min + " and " + max);
            return fallback;
        }
        return parsed;
    }

    double fraction(String field, @Nullable Double value, double fallback, double max) {
        if (value == null) {
            return fallback;
        }
        if (value.isNaN() || value < 0 || value > max) {
            fail(field, "must be between 0 and " + max);
            return fallback;
        }
        return value;
    }

    void throwIfAny() {
        errors.throwIfAny();
    }
}
