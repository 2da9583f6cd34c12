package dev.greenlight.ledger;

import org.jspecify.annotations.Nullable;

/** A Merkle proof, or a root recomputed from log data, that does not verify. */
public final class ProofVerificationException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public ProofVerificationException(LedgerErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    public ProofVerificationException(LedgerErrorCode errorCode, String message, @Nullable Throwable cause) {
        super(errorCode, message, cause);
    }
}
