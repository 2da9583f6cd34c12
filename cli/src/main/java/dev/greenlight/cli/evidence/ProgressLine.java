package dev.greenlight.cli.evidence;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows the progress of a large upload on standard error, never on standard output, which carries
 * the results. On a terminal one line is redrawn in place, at most {@link #REDRAW_INTERVAL} apart
 * (and once more when the last byte is read), and erased when the upload ends; in a CI log or a file a line is printed at 25, 50, 75 and 100 %.
 */
final class ProgressLine implements UploadProgress {
    /** Files above this size get progress; smaller ones upload in moments. */
    static final long LARGE_FILE_BYTES = 8L * 1024 * 1024;

    /** Four redraws a second look live without flooding a slow terminal. */
    static final Duration REDRAW_INTERVAL = Duration.ofMillis(250);

    private static final double MIB = 1024.0 * 1024.0;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean redraw;
    private final LongSupplier nanoTime;

    private boolean drawn;
    private long drawnAt;
    private int drawnLength;
    private int quartersShown;

    ProgressLine(PrintWriter err, String label, long total, boolean redraw, LongSupplier nanoTime) {
        this.err = requireNonNull(err, "err is null");
        this.label = requireNonNull(label, "label is null");
        this.redraw = redraw;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        if (total < 1) {
            throw new IllegalArgumentException("total is positive: " + total);
        }
        this.total = total;
    }

    /** A progress line for a file over {@link #LARGE_FILE_BYTES}, else {@link UploadProgress#NONE}. */
    static UploadProgress forFile(PrintWriter err, String label, long size, boolean terminal) {
        return size > LARGE_FILE_BYTES ? new ProgressLine(err, label, size, terminal, System::nanoTime) : NONE;
    }

    // Synchronized: the HTTP client reads the body on its own threads.
    @Override
    public synchronized void sent(long bytes) {
        long sent = Math.min(Math.max(bytes, 0), total);
        if (redraw) {
            long now = nanoTime.getAsLong();
            // The end is always shown: the server checks the file before it answers, which takes a moment.
            if (drawn && now - drawnAt < REDRAW_INTERVAL.toNanos() && sent < total) {
                return;
            }
            String text = text((int) (sent * 100 / total), sent);
            err.print("\r" + text + " ".repeat(Math.max(0, drawnLength - text.length())));
            err.flush();
            drawn = true;
            drawnAt = now;
            drawnLength = text.length();
        } else {
            int quarters = (int) (sent * 4 / total);
            if (quarters > quartersShown) {
                quartersShown = quarters;
                err.println(text(quarters * 25, sent));
                err.flush();
            }
        }
    }

    @Override
    public synchronized void done() {
        if (drawn) {
            // Erased, so the result line on standard output is not glued to a stale percentage.
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
        }
        drawn = false;
        drawnLength = 0;
        quartersShown = 0;
    }

    String text(int percent, long sent) {
        return String.format(Locale.ROOT, "%s: %d%% (%.1f of %.1f MiB)", label, percent, sent / MIB, total / MIB);
    }
}
