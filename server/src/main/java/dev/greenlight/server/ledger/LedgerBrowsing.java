package dev.greenlight.server.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.note.NoteVerifier;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;

/**
 * Read-only views of a workspace's log for the dashboard: the newest signed checkpoint exactly as stored, the
 * published verifier keys for the log's origin, and a page of entries. Whoever shows a checkpoint as verified must
 * check its signatures against {@link #verifierKeys} itself; nothing here vouches for the note.
 */
@Component
public class LedgerBrowsing {
    private final LedgerReader reader;
    private final SigningKeys keys;
    private final JdbcClient jdbc;

    LedgerBrowsing(LedgerReader reader, SigningKeys keys, JdbcClient jdbc) {
        this.reader = reader;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /** The newest signed checkpoint of a log: the tree head recorded with it, the note bytes as served, when it was signed. */
    public record StoredCheckpoint(String origin, long size, String rootBase64, byte[] note, Instant signedAt) {
        public StoredCheckpoint {
            note = note.clone();
        }

        @Override
        public byte[] note() {
            return note.clone();
        }
    }

    /** A published key of the instance as the verifier of one log, with its validity window. */
    public record VerifierKey(NoteVerifier verifier, Instant validFrom, @Nullable Instant retiredAt) {
        public boolean active() {
            return retiredAt == null;
        }
    }

    /** One entry of the log with its decoded columns and its exact bytes (canonical JSON). */
    public record Entry(long index, String kind, @Nullable String project, String actor, Instant at, byte[] bytes) {
        public Entry {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The origin of the workspace's log (its key name). */
    public String origin(String workspaceSlug) {
        return reader.log(workspaceSlug).origin();
    }

    public Optional<StoredCheckpoint> latestCheckpoint(String workspaceSlug) {
        Sequencer.LogRef log = reader.log(workspaceSlug);
        return jdbc.sql("select tree_size, root, note, signed_at from ledger_checkpoints where workspace_id = :workspace order by tree_size desc limit 1")
                .param("workspace", log.workspaceId())
                .query((row, number) -> new StoredCheckpoint(log.origin(), row.getLong("tree_size"),
                        Hash.of(row.getBytes("root")).base64(), row.getBytes("note"),
                        row.getObject("signed_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Every published key (active and retired, as retired keys still verify what they signed), named for the log's origin. */
    public List<VerifierKey> verifierKeys(String workspaceSlug) {
        String origin = origin(workspaceSlug);
        return keys.published().stream().map(key -> new VerifierKey(key.verifier(origin), key.validFrom(), key.retiredAt())).toList();
    }

    /** Entries in index order; null filters match everything, {@code until} is exclusive. */
    public Page<Entry> entries(String workspaceSlug, @Nullable String kind, @Nullable String project, @Nullable String actor,
            @Nullable Instant since, @Nullable Instant until, PageRequest page) {
        Sequencer.LogRef log = reader.log(workspaceSlug);
        return reader.entries(log.workspaceId(), new LedgerReader.EntryFilter(kind, project, actor, since, until), page)
                .map(stored -> new Entry(stored.index(), stored.kind(), stored.project(), stored.actor(), stored.at(), stored.bytes()));
    }
}
