package dev.greenlight.server.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.SignedCheckpointStore;

/**
 * The signed checkpoints of one log, in ledger_checkpoints. The newest row is "the last signed": recording a new one
 * is a compare-and-set on it, under a row lock, so two signers can never both extend the same checkpoint.
 */
final class PostgresCheckpointStore implements SignedCheckpointStore {
    private final JdbcClient jdbc;
    private final UUID workspaceId;
    private final Clock clock;

    PostgresCheckpointStore(JdbcClient jdbc, UUID workspaceId, Clock clock) {
        this.jdbc = jdbc;
        this.workspaceId = workspaceId;
        this.clock = clock;
    }

    @Override
    public Optional<TreeHead> lastSigned() {
        return jdbc.sql("select tree_size, root from ledger_checkpoints where workspace_id = :workspace order by tree_size desc limit 1")
                .param("workspace", workspaceId)
                .query((row, number) -> new TreeHead(row.getLong("tree_size"), Hash.of(row.getBytes("root"))))
                .optional();
    }

    @Override
    public boolean replaceLastSigned(@Nullable TreeHead expectedLast, TreeHead signed, byte[] signedNote) {
        // The log row serialises signers of this workspace for the rest of the transaction.
        jdbc.sql("select workspace_id from ledger_logs where workspace_id = :workspace for update")
                .param("workspace", workspaceId).query(UUID.class).single();
        Optional<TreeHead> current = lastSigned();
        if (!current.equals(Optional.ofNullable(expectedLast))) {
            return false;
        }
        jdbc.sql("""
                insert into ledger_checkpoints (workspace_id, tree_size, root, note, signed_at)
                values (:workspace, :size, :root, :note, :now)""")
                .param("workspace", workspaceId).param("size", signed.size()).param("root", signed.root().bytes())
                .param("note", signedNote).param("now", OffsetDateTime.now(clock))
                .update();
        return true;
    }
}
