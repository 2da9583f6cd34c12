package dev.greenlight.server.evidence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.releases.Release;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The evidence table. Every query names the workspace, so none crosses a tenant boundary. */
@Repository
class EvidenceRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String COLUMNS = """
            id, workspace_id, release_id, type, media_type, file_name, sha256, size_bytes, summary, ledger_index,
            uploaded_by, uploaded_at""";
    private static final RowMapper<Evidence> ROW = (row, number) -> new Evidence(
            row.getObject("id", UUID.class),
            row.getObject("workspace_id", UUID.class),
            row.getObject("release_id", UUID.class),
            EvidenceType.fromWireName(row.getString("type")).orElseThrow(),
            row.getString("media_type"),
            row.getString("file_name"),
            row.getString("sha256"),
            row.getLong("size_bytes"),
            JSON.readValue(row.getString("summary"), MAP),
            row.getLong("ledger_index"),
            row.getObject("uploaded_by", UUID.class),
            row.getObject("uploaded_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row, or returns false when the release already has these bytes (waiting for a concurrent insert of them to settle). */
    boolean insertIfAbsent(Release release, NewEvidence evidence, UUID id, UUID uploadedBy, OffsetDateTime at) {
        return jdbc.sql("""
                insert into evidence (id, workspace_id, project_id, release_id, type, media_type, file_name, sha256, size_bytes,
                                      facts, facts_version, summary, uploaded_by, uploaded_at)
                values (:id, :workspace, :project, :release, :type, :mediaType, :fileName, :sha256, :size,
                        cast(:facts as jsonb), :factsVersion, cast(:summary as jsonb), :uploadedBy, :at)
                on conflict (release_id, sha256) do nothing""")
                .param("id", id)
                .param("workspace", release.workspaceId())
                .param("project", release.projectId())
                .param("release", release.id())
                .param("type", evidence.type().wireName())
                .param("mediaType", evidence.mediaType())
                .param("fileName", evidence.fileName())
                .param("sha256", evidence.sha256())
                .param("size", evidence.size())
                .param("facts", StoredFacts.write(evidence.facts()))
                .param("factsVersion", StoredFacts.VERSION)
                .param("summary", JSON.writeValueAsString(FactsSummary.of(evidence.facts())))
                .param("uploadedBy", uploadedBy)
                .param("at", at.withOffsetSameInstant(ZoneOffset.UTC))
                .update() == 1;
    }

    void setLedgerIndex(UUID workspaceId, UUID id, long index) {
        jdbc.sql("update evidence set ledger_index = :index where workspace_id = :workspace and id = :id")
                .param("index", index).param("workspace", workspaceId).param("id", id).update();
    }

    Optional<Evidence> findBySha256(Release release, String sha256) {
        return jdbc.sql("select " + COLUMNS + " from evidence where workspace_id = :workspace and release_id = :release and sha256 = :sha256")
                .param("workspace", release.workspaceId()).param("release", release.id()).param("sha256", sha256)
                .query(ROW).optional();
    }

    Evidence require(Release release, String id) {
        Supplier<GreenlightException> missing = () -> GreenlightException.notFound(
                "Release '" + release.version() + "' has no evidence '" + FileNames.printable(id) + "'.");
        UUID uuid = parseId(id, missing);
        return jdbc.sql("select " + COLUMNS + " from evidence where workspace_id = :workspace and release_id = :release and id = :id")
                .param("workspace", release.workspaceId()).param("release", release.id()).param("id", uuid)
                .query(ROW).optional()
                .orElseThrow(missing);
    }

    /** Newest first; the cursor is the id (UUIDv7, so upload order) of the last item of the page. */
    Page<Evidence> list(Release release, PageRequest page) {
        UUID after = page.after() == null ? null
                : parseId(page.after(), () -> GreenlightException.badRequest("The cursor is not one this server issued."));
        List<Evidence> rows = jdbc.sql("select " + COLUMNS + """
                 from evidence
                where workspace_id = :workspace and release_id = :release and (cast(:after as uuid) is null or id < cast(:after as uuid))
                order by id desc limit :limit""")
                .param("workspace", release.workspaceId()).param("release", release.id())
                .param("after", after).param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, evidence -> evidence.id().toString());
    }

    EvidenceFacts facts(Evidence evidence) {
        return jdbc.sql("select facts from evidence where workspace_id = :workspace and id = :id")
                .param("workspace", evidence.workspaceId()).param("id", evidence.id())
                .query((row, number) -> StoredFacts.read(evidence.type(), row.getString("facts"))).single();
    }

    /** Every evidence of the release with its facts, oldest first: the order in which facts are merged. */
    List<WithFacts> allWithFacts(Release release) {
        return jdbc.sql("select " + COLUMNS + ", facts from evidence where workspace_id = :workspace and release_id = :release order by id")
                .param("workspace", release.workspaceId()).param("release", release.id())
                .query((row, number) -> {
                    Evidence evidence = ROW.mapRow(row, number);
                    return new WithFacts(evidence, StoredFacts.read(evidence.type(), row.getString("facts")));
                }).list();
    }

    /** The number of the release's evidence files and the newest id; see {@link ReleaseFacts#evidenceVersion}. */
    String version(Release release) {
        return jdbc.sql("""
                select count(*) || ':' || coalesce(max(id::text), '') from evidence where workspace_id = :workspace and release_id = :release""")
                .param("workspace", release.workspaceId()).param("release", release.id())
                .query(String.class).single();
    }

    record WithFacts(Evidence evidence, EvidenceFacts facts) {
    }

    private static UUID parseId(String id, Supplier<GreenlightException> invalid) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw invalid.get();
        }
    }

    /** What an upload adds: the checked file, before it has an id. */
    record NewEvidence(EvidenceType type, String mediaType, @Nullable String fileName, String sha256, long size, EvidenceFacts facts) {
    }
}
