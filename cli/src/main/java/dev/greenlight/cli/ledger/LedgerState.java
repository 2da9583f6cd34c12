package dev.greenlight.cli.ledger;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.TreeHead;
import java.time.Instant;
import java.util.List;

/**
 * What this machine remembers of one workspace's log after a successful audit.
 *
 * @param server the server the log was audited on
 * @param workspace the workspace whose log it is
 * @param origin the log's origin, which must never change
 * @param treeHead the size and root of the last audited checkpoint: every later checkpoint must extend it
 * @param checkpoint that checkpoint's signed note, verbatim: with an inconsistent later one, signed evidence of a fork
 * @param pinnedKeys the verifier keys trusted from the server so far (empty when only --vkey keys were used)
 * @param auditedAt when the audit finished
 */
record LedgerState(String server, String workspace, String origin, TreeHead treeHead, String checkpoint,
        List<String> pinnedKeys, Instant auditedAt) {
    LedgerState {
        requireNonNull(server, "server is null");
        requireNonNull(workspace, "workspace is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(treeHead, "treeHead is null");
        requireNonNull(checkpoint, "checkpoint is null");
        pinnedKeys = List.copyOf(requireNonNull(pinnedKeys, "pinnedKeys is null"));
        requireNonNull(auditedAt, "auditedAt is null");
    }
}
