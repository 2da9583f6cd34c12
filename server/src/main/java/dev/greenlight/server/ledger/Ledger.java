package dev.greenlight.server.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way features record what happened. Must be called inside the transaction that commits the fact itself,
 * so that an entry exists if and only if its fact was committed; ideally as the transaction's last statement,
 * because the workspace's log stays locked for appends until the transaction ends.
 */
@Service
public class Ledger {
    /** The tile bundle format stores an entry's length in 16 bits. */
    static final int MAX_ENTRY_BYTES = 65_535;

    private final JdbcClient jdbc;
    private final LedgerOrigins origins;
    private final Clock clock;
    private final Set<UUID> knownLogs = ConcurrentHashMap.newKeySet();

    Ledger(JdbcClient jdbc, LedgerOrigins origins, Clock clock) {
        this.jdbc = jdbc;
        this.origins = origins;
        this.clock = clock;
    }

    /** Appends one entry and returns its index in the workspace's log. */
    public long append(LedgerEvent event) {
        return appendAll(List.of(event)).getFirst();
    }

    /** Appends entries of one workspace in order, with consecutive indexes, and returns those indexes. */
    public List<Long> appendAll(List<LedgerEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ledger entries must be appended inside the transaction of the fact they record");
        }
        UUID workspaceId = events.getFirst().workspaceId();
        if (events.stream().anyMatch(event -> !event.workspaceId().equals(workspaceId))) {
            throw new IllegalArgumentException("one call appends to one workspace's log");
        }
        ensureLog(workspaceId, events.getFirst().workspaceSlug());
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<byte[]> entries = events.stream().map(event -> serialize(event, at)).toList();
        long first = reserve(workspaceId, entries.size());
        Long[] indexes = new Long[entries.size()];
        String[] kinds = new String[entries.size()];
        String[] projects = new String[entries.size()];
        String[] actors = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            indexes[i] = first + i;
            kinds[i] = events.get(i).kind();
            projects[i] = events.get(i).project();
            actors[i] = events.get(i).actor();
        }
        jdbc.sql("""
                insert into ledger_entries (workspace_id, idx, entry, kind, project, actor, at)
                select :workspace, e.idx, e.entry, e.kind, e.project, e.actor, :at
                from unnest(:indexes, :entries, :kinds, :projects, :actors) as e(idx, entry, kind, project, actor)""")
                .param("workspace", workspaceId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("indexes", indexes)
                .param("entries", entries.toArray(byte[][]::new))
                .param("kinds", kinds)
                .param("projects", projects)
                .param("actors", actors)
                .update();
        return java.util.stream.LongStream.range(first, first + entries.size()).boxed().toList();
    }

    /**
     * Reserves {@code count} indexes. The upsert row-locks the workspace's sequence until this transaction ends, so a
     * concurrent writer waits and takes the indexes after ours; a rolled-back writer gives its indexes back.
     */
    private long reserve(UUID workspaceId, int count) {
        return jdbc.sql("""
                insert into ledger_sequence (workspace_id, next_index) values (:workspace, :count)
                on conflict (workspace_id) do update set next_index = ledger_sequence.next_index + :count
                returning next_index - :count""")
                .param("workspace", workspaceId).param("count", count).query(Long.class).single();
    }

    /**
     * Creates the workspace's log row on its first append. Log rows are never deleted, so once one is known to be
     * committed, later appends skip the statement.
     */
    private void ensureLog(UUID workspaceId, String workspaceSlug) {
        if (knownLogs.contains(workspaceId)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                knownLogs.add(workspaceId);
            }
        });
        jdbc.sql("""
                insert into ledger_logs (workspace_id, workspace_slug, origin, created_at)
                values (:workspace, :slug, :origin, :now) on conflict do nothing""")
                .param("workspace", workspaceId).param("slug", workspaceSlug).param("origin", origins.originOf(workspaceSlug))
                .param("now", OffsetDateTime.now(clock)).update();
    }

    static byte[] serialize(LedgerEvent event, Instant at) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("v", 1);
        entry.put("kind", event.kind());
        entry.put("workspace", event.workspaceSlug());
        if (event.project() != null) {
            entry.put("project", event.project());
        }
        entry.put("actor", event.actor());
        entry.put("at", at.toString());
        entry.put("subject", event.subject());
        byte[] bytes = CanonicalJson.serialize(entry);
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("a ledger entry is at most " + MAX_ENTRY_BYTES + " bytes; put large content in the blob store and record its SHA-256");
        }
        return bytes;
    }
}
