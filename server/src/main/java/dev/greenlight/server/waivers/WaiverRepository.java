package dev.greenlight.server.waivers;

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

/** The waivers table; every query is bounded to one workspace. */
@Repository
class WaiverRepository {
    private static final String SELECT = """
            select w.*, p.slug as project_slug, r.version, e.name as environment_name
            from waivers w
            join projects p on p.id = w.project_id
            join releases r on r.id = w.release_id
            join environments e on e.id = w.environment_id
            """;
    /** The status a reader sees: a requested or approved waiver past its expiry is expired. */
    private static final String STATUS_AT = "(case when w.status in ('requested', 'approved') and w.expires_at <= :now then 'expired' else w.status end)";
    private static final RowMapper<Waiver> ROW = WaiverRepository::map;

    private final JdbcClient jdbc;

    WaiverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewWaiver(UUID id, UUID workspaceId, UUID projectId, UUID releaseId, UUID environmentId, String rule, String reason,
            String ticket, Instant expiresAt, UUID requestedBy, String requestedByName, Instant createdAt) {
    }

    void insert(NewWaiver waiver) {
        jdbc.sql("""
                insert into waivers (id, workspace_id, project_id, release_id, environment_id, rule, reason, ticket, expires_at,
                    status, requested_by, requested_by_name, created_at)
                values (:id, :workspace, :project, :release, :environment, :rule, :reason, :ticket, :expiresAt,
                    'requested', :requestedBy, :requestedByName, :createdAt)""")
                .param("id", waiver.id()).param("workspace", waiver.workspaceId()).param("project", waiver.projectId())
                .param("release", waiver.releaseId()).param("environment", waiver.environmentId()).param("rule", waiver.rule())
                .param("reason", waiver.reason()).param("ticket", waiver.ticket()).param("expiresAt", utc(waiver.expiresAt()))
                .param("requestedBy", waiver.requestedBy()).param("requestedByName", waiver.requestedByName())
                .param("createdAt", utc(waiver.createdAt()))
                .update();
    }

    Optional<Waiver> find(UUID workspaceId, UUID id) {
        return jdbc.sql(SELECT + " where w.workspace_id = :workspace and w.id = :id")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional();
    }

    Waiver require(UUID workspaceId, UUID id) {
        return find(workspaceId, id).orElseThrow(() -> notFound(id.toString()));
    }

    /** Reads the waiver under a row lock, so that two decisions on it cannot both see it requested. */
    Waiver lock(UUID workspaceId, UUID id) {
        jdbc.sql("select id from waivers where workspace_id = :workspace and id = :id for update")
                .param("workspace", workspaceId).param("id", id).query(UUID.class).optional()
                .orElseThrow(() -> notFound(id.toString()));
        return require(workspaceId, id);
    }

    static GreenlightException notFound(String id) {
        return GreenlightException.notFound("No waiver '" + id + "'.");
    }

    /** A release's waivers, newest first, optionally of one environment and in one status (as of {@code now}). */
    Page<Waiver> list(UUID workspaceId, UUID releaseId, @Nullable UUID environmentId, @Nullable WaiverStatus status, Instant now,
            PageRequest page) {
        List<Waiver> rows = jdbc.sql(SELECT + """
                where w.workspace_id = :workspace and w.release_id = :release
                  and (cast(:environment as uuid) is null or w.environment_id = cast(:environment as uuid))
                  and (cast(:status as text) is null or %s = cast(:status as text))
                  and (cast(:after as uuid) is null or w.id < cast(:after as uuid))
                order by w.id desc limit :limit""".formatted(STATUS_AT))
                .param("workspace", workspaceId).param("release", releaseId).param("environment", environmentId)
                .param("status", status == null ? null : status.wireName()).param("now", utc(now))
                .param("after", page.afterId()).param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, waiver -> waiver.id().toString());
    }

    /** Approved waivers of the release for the environment that have not expired at {@code at}, oldest first. */
    List<Waiver> approved(UUID workspaceId, UUID releaseId, UUID environmentId, Instant at) {
        return jdbc.sql(SELECT + """
                where w.workspace_id = :workspace and w.release_id = :release and w.environment_id = :environment
                  and w.status = 'approved' and w.expires_at > :at
                order by w.id""")
                .param("workspace", workspaceId).param("release", releaseId).param("environment", environmentId)
                .param("at", utc(at))
                .query(ROW).list();
    }

    void decide(UUID id, WaiverStatus decision, UUID by, String byName, Instant at, @Nullable String comment) {
        jdbc.sql("""
                update waivers set status = :status, decided_by = :by, decided_by_name = :byName, decided_at = :at,
                    decision_comment = :comment
                where id = :id and status = 'requested'""")
                .param("status", decision.wireName()).param("by", by).param("byName", byName).param("at", utc(at))
                .param("comment", comment).param("id", id)
                .update();
    }

    void revoke(UUID id, UUID by, String byName, Instant at, String reason) {
        jdbc.sql("""
                update waivers set status = 'revoked', revoked_by = :by, revoked_by_name = :byName, revoked_at = :at,
                    revoke_reason = :reason
                where id = :id and status in ('requested', 'approved')""")
                .param("by", by).param("byName", byName).param("at", utc(at)).param("reason", reason).param("id", id)
                .update();
    }

    private static Waiver map(ResultSet row, int number) throws SQLException {
        Waiver.Decision decision = row.getObject("decided_by", UUID.class) == null ? null : new Waiver.Decision(
                row.getObject("decided_by", UUID.class), row.getString("decided_by_name"), instant(row, "decided_at"),
                row.getString("decision_comment"));
        Waiver.Revocation revocation = row.getObject("revoked_by", UUID.class) == null ? null : new Waiver.Revocation(
                row.getObject("revoked_by", UUID.class), row.getString("revoked_by_name"), instant(row, "revoked_at"),
                row.getString("revoke_reason"));
        return new Waiver(
                row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class),
                row.getObject("project_id", UUID.class), row.getString("project_slug"),
                row.getObject("release_id", UUID.class), row.getString("version"),
                row.getObject("environment_id", UUID.class), row.getString("environment_name"),
                row.getString("rule"), row.getString("reason"), row.getString("ticket"), instant(row, "expires_at"),
                WaiverStatus.fromWireName(row.getString("status")).orElseThrow(),
                row.getObject("requested_by", UUID.class), row.getString("requested_by_name"), instant(row, "created_at"),
                decision, revocation);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
