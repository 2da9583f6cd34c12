package dev.greenlight.ledger;

/**
 * Why a ledger operation failed, stable enough for a server to map to problem details and for a CLI to
 * print.
 */
public enum LedgerErrorCode {
    /** A signed note is not valid UTF-8, has control characters, or has no well-formed signature block. */
    MALFORMED_NOTE,
    /** A verifier or signer key string is not of the signed-note key form. */
    MALFORMED_KEY,
    /** A checkpoint's text does not follow c2sp.org/tlog-checkpoint. */
    MALFORMED_CHECKPOINT,
    /** A tile path does not follow c2sp.org/tlog-tiles. */
    MALFORMED_TILE_PATH,
    /** A hash tile's bytes do not hold the expected number of hashes. */
    MALFORMED_TILE,
    /** An entry bundle's bytes are not a sequence of length-prefixed entries of the expected count. */
    MALFORMED_ENTRY_BUNDLE,
    /** A proof file does not follow c2sp.org/tlog-proof. */
    MALFORMED_TLOG_PROOF,
    /** An encoded hash is not the base64 or hex form of exactly 32 bytes. */
    MALFORMED_HASH,
    /** An entry is longer than the 65,535 bytes an entry bundle can carry. */
    ENTRY_TOO_LARGE,
    /** An inclusion proof does not prove the entry is in the tree. */
    INVALID_INCLUSION_PROOF,
    /** A consistency proof does not prove the newer tree extends the older one. */
    INVALID_CONSISTENCY_PROOF,
    /** Hashes recomputed from the log's data do not match the signed root or the served tiles. */
    ROOT_MISMATCH,
    /** A signature by a trusted key does not verify. */
    INVALID_SIGNATURE,
    /** No signature by a trusted key is present on the note. */
    NO_TRUSTED_SIGNATURE,
    /** A checkpoint is signed, but not by a key named after its origin, or has an unexpected origin. */
    ORIGIN_MISMATCH,
    /** A checkpoint does not extend a previously signed or seen one. */
    INCONSISTENT_CHECKPOINT,
    /** A hash, tile or entry bundle needed for a computation could not be read. */
    HASH_UNAVAILABLE
}
