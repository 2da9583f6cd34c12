package dev.greenlight.server.releases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.projects.Project;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Releases of a project; versions are unique per project and never reused. */
@Service
public class Releases {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Release.Artifact>> ARTIFACTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> TEST_IDS = new TypeReference<>() { };
    private static final RowMapper<Release> ROW = (row, number) -> new Release(
            row.getObject("id", UUID.class),
            row.getObject("workspace_id", UUID.class),
            row.getObject("project_id", UUID.class),
            row.getString("version"),
            row.getString("commit_sha"),
            row.getObject("commit_time", OffsetDateTime.class) == null ? null : row.getObject("commit_time", OffsetDateTime.class).toInstant(),
            JSON.readValue(row.getString("artifacts"), ARTIFACTS),
            row.getString("author"),
            row.getObject("created_at", OffsetDateTime.class).toInstant(),
            row.getObject("created_by", UUID.class),
            JSON.readValue(row.getString("quarantine"), TEST_IDS));

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;

    Releases(JdbcClient jdbc, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Optional<Release> find(Project project, String version) {
        return jdbc.sql("select * from releases where workspace_id = :workspace and project_id = :project and version = :version")
                .param("workspace", project.workspaceId()).param("project", project.id()).param("version", version)
                .query(ROW).optional();
    }

    public Release require(Project project, String version) {
        return find(project, version).orElseThrow(() -> GreenlightException.notFound(
                "Project '" + project.slug() + "' has no release '" + version + "'."));
    }

    /** Newest first; the cursor is the id (UUIDv7, so creation order) of the last release of the page. */
    Page<Release> list(Project project, PageRequest page) {
        List<Release> rows = jdbc.sql("""
                select * from releases
                where workspace_id = :workspace and project_id = :project and (cast(:after as uuid) is null or id < cast(:after as uuid))
                order by id desc limit :limit""")
                .param("workspace", project.workspaceId())
                .param("project", project.id())
                .param("after", page.afterId())
                .param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, release -> release.id().toString());
    }

    /** The newest release of the project, if it has one: what the dashboard's badges are about. */
    public Optional<Release> latest(Project project) {
        return list(project, new PageRequest(1, null)).items().stream().findFirst();
    }

    Release create(Actor actor, Project project, String version, String commitSha, @Nullable Instant commitTime,
            List<Release.Artifact> artifacts, @Nullable String author) {
        if (find(project, version).isPresent()) {
            throw GreenlightException.conflict("Project '" + project.slug() + "' already has a release '" + version + "'.");
        }
        jdbc.sql("""
                insert into releases (id, workspace_id, project_id, version, commit_sha, commit_time, artifacts, author, created_at, created_by)
                values (:id, :workspace, :project, :version, :commitSha, :commitTime, cast(:artifacts as jsonb), :author, :now, :createdBy)""")
                .param("id", Ids.newId(clock))
                .param("workspace", project.workspaceId())
                .param("project", project.id())
                .param("version", version)
                .param("commitSha", commitSha)
                .param("commitTime", commitTime == null ? null : OffsetDateTime.ofInstant(commitTime, ZoneOffset.UTC))
                .param("artifacts", JSON.writeValueAsString(artifacts))
                .param("author", author)
                .param("now", OffsetDateTime.now(clock))
                .param("createdBy", actor.principalId())
                .update();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("version", version);
        subject.put("commitSha", commitSha);
        subject.put("commitTime", commitTime == null ? null : commitTime.toString());
        subject.put("author", author);
        subject.put("artifacts", artifacts.stream().map(artifact -> Map.<String, Object>of("name", artifact.name(), "sha256", artifact.sha256())).toList());
        ledger.append(new LedgerEvent(project.workspaceId(), actor.workspaceSlug(), "release.created", project.slug(), actor.name(), subject));
        return require(project, version);
    }

    /**
     * Replaces the release's artifacts. The same artifacts again, in any order, change nothing and record nothing;
     * otherwise the ledger entry names the digests before and after, which is what approvals are bound to.
     *
     * @return the release as it is now
     */
    Release replaceArtifacts(Actor actor, Project project, Release release, List<Release.Artifact> artifacts) {
        // The row lock orders concurrent replacements, so each entry's "before" is what the previous one left.
        Release current = lock(project, release);
        String before = current.artifactsDigest();
        String after = Release.digestOf(artifacts);
        if (before.equals(after)) {
            return current;
        }
        jdbc.sql("update releases set artifacts = cast(:artifacts as jsonb) where id = :id")
                .param("artifacts", JSON.writeValueAsString(artifacts)).param("id", current.id()).update();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("release", current.version());
        subject.put("before", before);
        subject.put("after", after);
        subject.put("artifacts", artifacts.stream().map(artifact -> Map.<String, Object>of("name", artifact.name(), "sha256", artifact.sha256())).toList());
        ledger.append(new LedgerEvent(project.workspaceId(), actor.workspaceSlug(), "release.artifacts-changed", project.slug(), actor.name(), subject));
        return require(project, current.version());
    }

    /** Reads the release again under a row lock held until the transaction ends. */
    Release lock(Project project, Release release) {
        return jdbc.sql("select * from releases where workspace_id = :workspace and id = :id for update")
                .param("workspace", project.workspaceId()).param("id", release.id())
                .query(ROW).single();
    }
}
