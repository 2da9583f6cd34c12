package dev.greenlight.cli.evidence;

import java.util.Locale;

/** What became of one file argument. Only {@link #ADDED} and {@link #EXISTING} let {@code push} succeed. */
enum Outcome {
    /** The server kept the file as new evidence (201). */
    ADDED,
    /** The release already had these exact bytes (200); nothing was added. */
    EXISTING,
    /** The server refused the file: unknown format, malformed, too large, over a safety limit. */
    REJECTED,
    /** No such file, or a glob that matched none. */
    MISSING,
    /** Not sent: a directory, a special file, or a file that cannot be read. */
    SKIPPED;

    /** The word shown in results, {@code added}, {@code existing}... */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean accepted() {
        return this == ADDED || this == EXISTING;
    }
}
