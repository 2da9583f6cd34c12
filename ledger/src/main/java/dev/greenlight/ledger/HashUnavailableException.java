package dev.greenlight.ledger;

import org.jspecify.annotations.Nullable;

/** A hash, tile or entry bundle that a computation needs could not be read from its store. */
public final class HashUnavailableException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public HashUnavailableException(LedgerErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    public HashUnavailableException(LedgerErrorCode errorCode, String message, @Nullable Throwable cause) {
        super(errorCode, message, cause);
    }
}
