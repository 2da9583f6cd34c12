package dev.greenlight.evidence;

/**
 * The file exceeds a safety limit (nesting depth, decompressed size or ratio, entity expansion, string length):
 * reading further could exhaust memory or time, so it is refused whatever it contains.
 */
public final class EvidenceLimitException extends EvidenceException {
    public EvidenceLimitException(String message) {
        super(message);
    }

    public EvidenceLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
