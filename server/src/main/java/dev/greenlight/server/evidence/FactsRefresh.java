package dev.greenlight.server.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.greenlight.evidence.EvidenceException;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParsedEvidence;
import dev.greenlight.server.blobs.BlobStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps stored facts in today's shape: at start, before the server reports ready, every evidence row whose facts were
 * stored in an older {@link StoredFacts#VERSION} gets them derived again from its original bytes, which the blob
 * store keeps for exactly this. It reads across workspaces on purpose (it is maintenance, not a request) and
 * changes only the derived columns; the ledger entry records the bytes, which do not change. Several nodes starting at
 * once do the same work twice, harmlessly: the update only applies to a row still in the old version.
 */
@Component
class FactsRefresh implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FactsRefresh.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final EvidenceReader reader;

    FactsRefresh(JdbcClient jdbc, BlobStore blobs, EvidenceReader reader) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.reader = reader;
    }

    private record Stale(UUID id, EvidenceType type, String sha256, int version) {
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int refreshed = 0;
        int failed = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids by their bytes, unsigned: nil is the least
        for (List<Stale> batch = staleAfter(after); !batch.isEmpty(); batch = staleAfter(after)) {
            for (Stale stale : batch) {
                if (refresh(stale)) {
                    refreshed++;
                } else {
                    failed++;
                }
                after = stale.id();
            }
        }
        if (refreshed + failed > 0) {
            log.info("evidence facts derived again from their files for version {}: {} refreshed, {} could not be", StoredFacts.VERSION,
                    refreshed, failed);
        }
    }

    private List<Stale> staleAfter(UUID after) {
        return jdbc.sql("""
                select id, type, sha256, facts_version from evidence
                where facts_version <> :version and id > :after order by id limit :batch""")
                .param("version", StoredFacts.VERSION).param("after", after).param("batch", BATCH)
                .query((row, number) -> new Stale(row.getObject("id", UUID.class), EvidenceType.fromWireName(row.getString("type")).orElseThrow(),
                        row.getString("sha256"), row.getInt("facts_version")))
                .list();
    }

    private boolean refresh(Stale stale) {
        var blob = blobs.find(stale.sha256());
        if (blob.isEmpty()) {
            log.warn("evidence {} has no blob {}; its facts stay in version {}", stale.id(), stale.sha256(), stale.version());
            return false;
        }
        ParsedEvidence parsed;
        try (InputStream content = blob.get().open()) {
            parsed = reader.read(content, stale.type());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EvidenceException e) {
            // Today's parser is stricter than the one that accepted the file: keep what was read then, and say so.
            log.warn("evidence {} ({}) no longer parses: {}; its facts stay in version {}", stale.id(), stale.type().wireName(),
                    e.getClass().getSimpleName(), stale.version());
            return false;
        }
        jdbc.sql("""
                update evidence set facts = cast(:facts as jsonb), facts_version = :version, summary = cast(:summary as jsonb)
                where id = :id and facts_version = :old""")
                .param("facts", StoredFacts.write(parsed.facts()))
                .param("version", StoredFacts.VERSION)
                .param("summary", JSON.writeValueAsString(FactsSummary.of(parsed.facts())))
                .param("id", stale.id())
                .param("old", stale.version())
                .update();
        return true;
    }
}
