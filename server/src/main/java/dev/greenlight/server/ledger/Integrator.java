package dev.greenlight.server.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.merkle.AppendResult;
import dev.greenlight.ledger.merkle.Rfc6962;
import dev.greenlight.ledger.merkle.TreeAppender;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tiles.HashTiles;
import dev.greenlight.ledger.tiles.TileLayout;

/**
 * Moves one log's tree forward over committed entries: their stored hashes, the hash tiles they touch, and the new
 * size and root, in one transaction per batch. Committed entries are contiguous from 0 because writers reserve
 * indexes under a row lock, so the tree never has to skip or wait for a gap.
 */
final class Integrator {
    static final int BATCH = 4096;

    private final JdbcClient jdbc;
    private final Clock clock;

    Integrator(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    TreeHead current(UUID workspaceId) {
        return jdbc.sql("select size, root from ledger_tree where workspace_id = :workspace")
                .param("workspace", workspaceId)
                .query((row, number) -> new TreeHead(row.getLong("size"), dev.greenlight.ledger.Hash.of(row.getBytes("root"))))
                .optional()
                .orElse(new TreeHead(0, Rfc6962.EMPTY_ROOT));
    }

    /**
     * Integrates at most one batch; call inside a transaction. Returns the tree head after it. The tree row is
     * locked first, so two nodes integrating the same log (the sequencer and an on-demand request) take turns and
     * the tree can never move backwards.
     */
    TreeHead integrateBatch(UUID workspaceId) {
        jdbc.sql("""
                insert into ledger_tree (workspace_id, size, root, updated_at) values (:workspace, 0, :empty, :now)
                on conflict (workspace_id) do nothing""")
                .param("workspace", workspaceId).param("empty", Rfc6962.EMPTY_ROOT.bytes()).param("now", OffsetDateTime.now(clock)).update();
        jdbc.sql("select size from ledger_tree where workspace_id = :workspace for update").param("workspace", workspaceId).query(Long.class).single();
        TreeHead before = current(workspaceId);
        List<byte[]> entries = jdbc.sql("""
                select entry from ledger_entries where workspace_id = :workspace and idx >= :from order by idx limit :batch""")
                .param("workspace", workspaceId).param("from", before.size()).param("batch", BATCH)
                .query((row, number) -> row.getBytes("entry")).list();
        if (entries.isEmpty()) {
            return before;
        }
        PostgresHashStore store = new PostgresHashStore(jdbc, workspaceId);
        AppendResult appended = TreeAppender.appendEntries(before.size(), entries, store);
        store.write(appended.hashesToStore());
        for (HashTileAddress tile : TileLayout.hashTilesBetween(before.size(), appended.newSize())) {
            saveTile(workspaceId, tile, HashTiles.build(tile, store));
        }
        TreeHead after = new TreeHead(appended.newSize(), appended.newRoot());
        saveTree(workspaceId, after);
        return after;
    }

    private void saveTree(UUID workspaceId, TreeHead head) {
        jdbc.sql("""
                insert into ledger_tree (workspace_id, size, root, updated_at) values (:workspace, :size, :root, :now)
                on conflict (workspace_id) do update set size = excluded.size, root = excluded.root, updated_at = excluded.updated_at""")
                .param("workspace", workspaceId).param("size", head.size()).param("root", head.root().bytes())
                .param("now", OffsetDateTime.now(clock)).update();
    }

    /** A full tile is written once; a partial one is replaced as it grows (never by a narrower one). */
    private void saveTile(UUID workspaceId, HashTileAddress tile, byte[] data) {
        jdbc.sql("""
                insert into ledger_tiles (workspace_id, level, tile_index, width, data) values (:workspace, :level, :index, :width, :data)
                on conflict (workspace_id, level, tile_index) do update set width = excluded.width, data = excluded.data
                where ledger_tiles.width < excluded.width""")
                .param("workspace", workspaceId).param("level", tile.level()).param("index", tile.index())
                .param("width", tile.width()).param("data", data).update();
    }
}
