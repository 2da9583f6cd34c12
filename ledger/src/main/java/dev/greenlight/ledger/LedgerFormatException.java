package dev.greenlight.ledger;

import org.jspecify.annotations.Nullable;

/** Bytes or text that do not follow the format they claim to be in. */
public final class LedgerFormatException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public LedgerFormatException(LedgerErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    public LedgerFormatException(LedgerErrorCode errorCode, String message, @Nullable Throwable cause) {
        super(errorCode, message, cause);
    }
}
