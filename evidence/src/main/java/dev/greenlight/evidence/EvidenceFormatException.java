package dev.greenlight.evidence;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The file claims (or was detected) to be of a format but breaks it. Names the format and where: {@code line 12,
 * column 5} for XML and text, a JSON pointer such as {@code /runs/0/results/3/level} for JSON.
 */
public final class EvidenceFormatException extends EvidenceException {
    private final EvidenceType format;
    private final String location;

    public EvidenceFormatException(EvidenceType format, String location, String problem) {
        this(format, location, problem, null);
    }

    public EvidenceFormatException(EvidenceType format, String location, String problem, @Nullable Throwable cause) {
        super(format.wireName() + " at " + location + ": " + problem, cause);
        this.format = requireNonNull(format, "format is null");
        this.location = requireNonNull(location, "location is null");
    }

    public EvidenceType format() {
        return format;
    }

    /** Where in the file: line and column, or a JSON pointer. */
    public String location() {
        return location;
    }
}
