package dev.greenlight.server.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.merkle.ConsistencyProof;
import dev.greenlight.ledger.merkle.InclusionProof;
import dev.greenlight.ledger.merkle.MerkleTree;
import dev.greenlight.ledger.merkle.Rfc6962;
import dev.greenlight.ledger.tiles.EntryBundleAddress;
import dev.greenlight.ledger.tiles.EntryBundles;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tlogproof.TlogProof;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;

/** Reads a log as its verifiers need it: checkpoints, tiles, entry bundles, entries and proofs. */
@Component
class LedgerReader {
    private final JdbcClient jdbc;
    private final Integrator integrator;

    LedgerReader(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.integrator = new Integrator(jdbc, clock);
    }

    Sequencer.LogRef log(String workspaceSlug) {
        return jdbc.sql("select workspace_id, workspace_slug, origin from ledger_logs where workspace_slug = :slug")
                .param("slug", workspaceSlug)
                .query((row, number) -> new Sequencer.LogRef(row.getObject("workspace_id", UUID.class), row.getString("workspace_slug"), row.getString("origin")))
                .optional().orElseThrow(() -> GreenlightException.notFound("No ledger for workspace '" + workspaceSlug + "'."));
    }

    /** The newest signed checkpoint and the tree head it commits to. */
    record LatestCheckpoint(TreeHead treeHead, byte[] note) {
    }

    Optional<LatestCheckpoint> latestCheckpoint(UUID workspaceId) {
        return jdbc.sql("select tree_size, root, note from ledger_checkpoints where workspace_id = :workspace order by tree_size desc limit 1")
                .param("workspace", workspaceId)
                .query((row, number) -> new LatestCheckpoint(new TreeHead(row.getLong("tree_size"), Hash.of(row.getBytes("root"))), row.getBytes("note")))
                .optional();
    }

    /** A stored hash tile, or the first {@code width} hashes of a wider one (tlog-tiles allows serving a prefix). */
    Optional<byte[]> hashTile(UUID workspaceId, HashTileAddress tile) {
        return jdbc.sql("select width, data from ledger_tiles where workspace_id = :workspace and level = :level and tile_index = :index")
                .param("workspace", workspaceId).param("level", tile.level()).param("index", tile.index())
                .query((row, number) -> row.getInt("width") < tile.width() ? null : Arrays.copyOf(row.getBytes("data"), tile.width() * Hash.SIZE))
                .optional();
    }

    /** An entry bundle, only once every entry in it is integrated into the tree. */
    Optional<byte[]> entryBundle(UUID workspaceId, EntryBundleAddress bundle) {
        long first = bundle.firstEntry();
        if (first + bundle.width() > integrator.current(workspaceId).size()) {
            return Optional.empty();
        }
        List<byte[]> entries = jdbc.sql("""
                select entry from ledger_entries where workspace_id = :workspace and idx >= :first and idx < :end order by idx""")
                .param("workspace", workspaceId).param("first", first).param("end", first + bundle.width())
                .query((row, number) -> row.getBytes("entry")).list();
        return entries.size() == bundle.width() ? Optional.of(EntryBundles.write(entries)) : Optional.empty();
    }

    /** One recorded entry with its decoded columns. */
    record StoredEntry(long index, String kind, @Nullable String project, String actor, Instant at, byte[] bytes) {
        Hash leafHash() {
            return Rfc6962.leafHash(bytes);
        }
    }

    private static final RowMapper<StoredEntry> ENTRY = (row, number) -> new StoredEntry(row.getLong("idx"), row.getString("kind"),
            row.getString("project"), row.getString("actor"), row.getObject("at", OffsetDateTime.class).toInstant(), row.getBytes("entry"));

    StoredEntry entry(UUID workspaceId, long index) {
        return jdbc.sql("select * from ledger_entries where workspace_id = :workspace and idx = :index")
                .param("workspace", workspaceId).param("index", index).query(ENTRY).optional()
                .orElseThrow(() -> GreenlightException.notFound("No ledger entry " + index + "."));
    }

    /** Filters of the entries list; null means no filter. */
    record EntryFilter(@Nullable String kind, @Nullable String project, @Nullable String actor, @Nullable Instant since, @Nullable Instant until) {
    }

    Page<StoredEntry> entries(UUID workspaceId, EntryFilter filter, PageRequest page) {
        long after = page.after() == null ? -1 : parseIndexCursor(page.after());
        List<StoredEntry> rows = jdbc.sql("""
                select * from ledger_entries
                where workspace_id = :workspace and idx > :after
                  and (cast(:kind as text) is null or kind = :kind)
                  and (cast(:project as text) is null or project = :project)
                  and (cast(:actor as text) is null or actor = :actor)
                  and (cast(:since as timestamptz) is null or at >= :since)
                  and (cast(:until as timestamptz) is null or at < :until)
                order by idx limit :limit""")
                .param("workspace", workspaceId).param("after", after)
                .param("kind", filter.kind()).param("project", filter.project()).param("actor", filter.actor())
                .param("since", utc(filter.since())).param("until", utc(filter.until()))
                .param("limit", page.fetchSize())
                .query(ENTRY).list();
        return Page.fromOverfetched(rows, page, entry -> Long.toString(entry.index()));
    }

    /** The inclusion proof of an entry in the newest checkpoint, as a c2sp.org/tlog-proof file. */
    byte[] tlogProof(UUID workspaceId, long index) {
        LatestCheckpoint checkpoint = latestCheckpoint(workspaceId)
                .orElseThrow(() -> GreenlightException.notFound("The ledger has no signed checkpoint yet."));
        if (index >= checkpoint.treeHead().size()) {
            entry(workspaceId, index);
            throw GreenlightException.conflict("Entry " + index + " is recorded but not yet covered by a signed checkpoint; retry in a moment.");
        }
        InclusionProof proof = tree(workspaceId).inclusionProof(index, checkpoint.treeHead().size());
        return TlogProof.of(proof, checkpoint.note()).toBytes();
    }

    /** A consistency proof between two sizes the tree has reached, with both roots. */
    record Consistency(long from, long to, Hash fromRoot, Hash toRoot, ConsistencyProof proof) {
    }

    Consistency consistency(UUID workspaceId, long from, long to) {
        long size = integrator.current(workspaceId).size();
        if (from < 0 || from > to || to > size) {
            throw GreenlightException.badRequest("Need 0 <= from <= to <= " + size + " (the integrated tree size).");
        }
        MerkleTree tree = tree(workspaceId);
        return new Consistency(from, to, tree.root(from), tree.root(to), tree.consistencyProof(from, to));
    }

    private MerkleTree tree(UUID workspaceId) {
        return new MerkleTree(new PostgresHashStore(jdbc, workspaceId));
    }

    private static long parseIndexCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw GreenlightException.badRequest("The cursor is not one this server issued.");
        }
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
