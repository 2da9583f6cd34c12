package dev.greenlight.server.gates;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A verdict recorded for a release and environment, with the exact inputs it was computed from (kept as text whose
 * SHA-256 is {@code inputsDigest}, the value the ledger entry records).
 */
record Decision(
        UUID id,
        UUID workspaceId,
        String project,
        String release,
        String environment,
        String verdict,
        int score,
        StoredPack.PackRef pack,
        String inputs,
        String inputsDigest,
        String result,
        long ledgerIndex,
        String decidedBy,
        Instant decidedAt) {

    Decision {
        requireNonNull(id, "id is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(inputsDigest, "inputsDigest is null");
        requireNonNull(result, "result is null");
    }
}
