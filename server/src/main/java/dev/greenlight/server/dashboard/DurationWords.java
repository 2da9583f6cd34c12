package dev.greenlight.server.dashboard;

/**
 * Durations as people read them on a page ({@code 1 h 5 min}, {@code 42 s}) and as the {@code datetime} of a
 * {@code <time>} element ({@code PT3900S}), so that a figure is readable and still exact for a machine.
 */
final class DurationWords {
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private DurationWords() {
    }

    /** The two largest units are enough to compare delivery figures; seconds only matter under an hour. */
    static String of(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a negative duration: " + seconds);
        }
        if (seconds < MINUTE) {
            return seconds + " s";
        }
        if (seconds < HOUR) {
            return seconds / MINUTE + " min " + seconds % MINUTE + " s";
        }
        if (seconds < DAY) {
            return seconds / HOUR + " h " + seconds % HOUR / MINUTE + " min";
        }
        return seconds / DAY + " d " + seconds % DAY / HOUR + " h";
    }

    /** A valid HTML duration string. */
    static String iso(long seconds) {
        return "PT" + seconds + "S";
    }
}
