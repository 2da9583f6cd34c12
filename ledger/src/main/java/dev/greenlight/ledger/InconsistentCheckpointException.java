package dev.greenlight.ledger;

import org.jspecify.annotations.Nullable;

/** A tree head that does not extend one signed or seen before: signing or accepting it would fork the log. */
public final class InconsistentCheckpointException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public InconsistentCheckpointException(LedgerErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    public InconsistentCheckpointException(LedgerErrorCode errorCode, String message, @Nullable Throwable cause) {
        super(errorCode, message, cause);
    }
}
