package dev.greenlight.evidence;

/** Why a file could not be turned into facts. Messages are written for the person who uploaded the file. */
public sealed class EvidenceException extends RuntimeException
        permits EvidenceFormatException, EvidenceLimitException, UnknownEvidenceFormatException {

    protected EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }

    protected EvidenceException(String message) {
        super(message);
    }
}
