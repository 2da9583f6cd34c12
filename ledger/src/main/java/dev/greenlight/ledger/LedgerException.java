package dev.greenlight.ledger;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Base of every failure the ledger library reports on purpose; parsers and verifiers throw nothing else for bad
 * input.
 */
public abstract sealed class LedgerException extends RuntimeException
        permits LedgerFormatException,
                ProofVerificationException,
                SignatureVerificationException,
                InconsistentCheckpointException,
                HashUnavailableException {
    private static final long serialVersionUID = 1L;

    private final LedgerErrorCode errorCode;

    protected LedgerException(LedgerErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    protected LedgerException(LedgerErrorCode errorCode, String message, @Nullable Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    /** Returns the machine-readable reason for this failure. */
    public LedgerErrorCode errorCode() {
        return errorCode;
    }
}
