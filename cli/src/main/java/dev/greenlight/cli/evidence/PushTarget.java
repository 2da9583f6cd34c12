package dev.greenlight.cli.evidence;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** What one file argument became: a file to upload, or the reason there is none. */
sealed interface PushTarget permits PushTarget.LocalFile, PushTarget.Unusable {
    /** The file or pattern as the user should recognise it, relative when they typed it so. */
    String display();

    /** A regular file, found as named or by a glob. */
    record LocalFile(Path path, String display) implements PushTarget {
        public LocalFile {
            requireNonNull(path, "path is null");
            requireNonNull(display, "display is null");
        }

        String fileName() {
            Path name = path.getFileName();
            return name == null ? display : name.toString();
        }
    }

    /** A pattern that matched nothing, a missing file, or something that is not a file. */
    record Unusable(String display, Outcome outcome, String reason) implements PushTarget {
        public Unusable {
            requireNonNull(display, "display is null");
            requireNonNull(reason, "reason is null");
            if (outcome != Outcome.MISSING && outcome != Outcome.SKIPPED) {
                throw new IllegalArgumentException("not sent: missing or skipped, not " + outcome);
            }
        }
    }
}
