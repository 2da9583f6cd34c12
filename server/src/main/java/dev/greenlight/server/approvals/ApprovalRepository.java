package dev.greenlight.server.approvals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;

/** The approvals table; every query is bounded to one workspace. */
@Repository
class ApprovalRepository {
    private static final String SELECT = """
            select a.*, p.slug as project_slug, r.version, e.name as environment_name
            from approvals a
            join projects p on p.id = a.project_id
            join releases r on r.id = a.release_id
            join environments e on e.id = a.environment_id
            """;
    private static final RowMapper<Approval> ROW = ApprovalRepository::map;

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewApproval(UUID id, UUID workspaceId, UUID projectId, UUID releaseId, UUID environmentId, String role, UUID approverId,
            String approverName, @Nullable String comment, String artifactsDigest, Instant createdAt) {
    }

    void insert(NewApproval approval) {
        jdbc.sql("""
                insert into approvals (id, workspace_id, project_id, release_id, environment_id, role, approver_id, approver_name,
                    comment, artifacts_digest, created_at)
                values (:id, :workspace, :project, :release, :environment, :role, :approver, :approverName,
                    :comment, :digest, :createdAt)""")
                .param("id", approval.id()).param("workspace", approval.workspaceId()).param("project", approval.projectId())
                .param("release", approval.releaseId()).param("environment", approval.environmentId()).param("role", approval.role())
                .param("approver", approval.approverId()).param("approverName", approval.approverName())
                .param("comment", approval.comment()).param("digest", approval.artifactsDigest())
                .param("createdAt", utc(approval.createdAt()))
                .update();
    }

    Optional<Approval> find(UUID workspaceId, UUID id) {
        return jdbc.sql(SELECT + " where a.workspace_id = :workspace and a.id = :id")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional();
    }

    /** The approver's standing approval of these artifacts, if there is one. */
    Optional<Approval> standing(UUID workspaceId, UUID releaseId, UUID environmentId, UUID approverId, String artifactsDigest) {
        return jdbc.sql(SELECT + """
                where a.workspace_id = :workspace and a.release_id = :release and a.environment_id = :environment
                  and a.approver_id = :approver and a.artifacts_digest = :digest and a.withdrawn_at is null""")
                .param("workspace", workspaceId).param("release", releaseId).param("environment", environmentId)
                .param("approver", approverId).param("digest", artifactsDigest)
                .query(ROW).optional();
    }

    /** Standing approvals of these artifacts, oldest first. */
    List<Approval> standing(UUID workspaceId, UUID releaseId, UUID environmentId, String artifactsDigest) {
        return jdbc.sql(SELECT + """
                where a.workspace_id = :workspace and a.release_id = :release and a.environment_id = :environment
                  and a.artifacts_digest = :digest and a.withdrawn_at is null
                order by a.id""")
                .param("workspace", workspaceId).param("release", releaseId).param("environment", environmentId)
                .param("digest", artifactsDigest)
                .query(ROW).list();
    }

    /** A release's approvals, newest first, valid or not, optionally of one environment. */
    Page<Approval> list(UUID workspaceId, UUID releaseId, @Nullable UUID environmentId, PageRequest page) {
        List<Approval> rows = jdbc.sql(SELECT + """
                where a.workspace_id = :workspace and a.release_id = :release
                  and (cast(:environment as uuid) is null or a.environment_id = cast(:environment as uuid))
                  and (cast(:after as uuid) is null or a.id < cast(:after as uuid))
                order by a.id desc limit :limit""")
                .param("workspace", workspaceId).param("release", releaseId).param("environment", environmentId)
                .param("after", page.afterId()).param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, approval -> approval.id().toString());
    }

    /** Marks the approval withdrawn; false when it already was (a concurrent withdrawal won). */
    boolean withdraw(UUID id, Instant at) {
        return jdbc.sql("update approvals set withdrawn_at = :at where id = :id and withdrawn_at is null")
                .param("at", utc(at)).param("id", id).update() == 1;
    }

    static GreenlightException notFound() {
        return GreenlightException.notFound("No such approval.");
    }

    private static Approval map(ResultSet row, int number) throws SQLException {
        OffsetDateTime withdrawnAt = row.getObject("withdrawn_at", OffsetDateTime.class);
        return new Approval(
                row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class),
                row.getObject("project_id", UUID.class), row.getString("project_slug"),
                row.getObject("release_id", UUID.class), row.getString("version"),
                row.getObject("environment_id", UUID.class), row.getString("environment_name"),
                row.getString("role"), row.getObject("approver_id", UUID.class), row.getString("approver_name"),
                row.getString("comment"), row.getString("artifacts_digest"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                withdrawnAt == null ? null : withdrawnAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
