package dev.greenlight.evidence;

/** The content matches none of the formats Greenlight reads (and no type was given). */
public final class UnknownEvidenceFormatException extends EvidenceException {
    public UnknownEvidenceFormatException(String message) {
        super(message);
    }
}
