package dev.greenlight.ledger;

import org.jspecify.annotations.Nullable;

/** A signed note whose signatures do not establish that a trusted key signed it. */
public final class SignatureVerificationException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public SignatureVerificationException(LedgerErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    public SignatureVerificationException(LedgerErrorCode errorCode, String message, @Nullable Throwable cause) {
        super(errorCode, message, cause);
    }
}
