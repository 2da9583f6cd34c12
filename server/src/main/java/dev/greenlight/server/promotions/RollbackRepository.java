package dev.greenlight.server.promotions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

/** The rollbacks table. */
@Repository
class RollbackRepository {
    private static final String SELECT = """
            select b.*, w.slug as workspace_slug, p.slug as project_slug, e.name as environment_name,
                   f.version as from_version, t.version as to_version
            from rollbacks b
            join workspaces w on w.id = b.workspace_id
            join projects p on p.id = b.project_id
            join environments e on e.id = b.environment_id
            join releases t on t.id = b.to_release_id
            left join releases f on f.id = b.from_release_id
            """;
    private static final RowMapper<Rollback> ROW = RollbackRepository::map;

    private final JdbcClient jdbc;

    RollbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewRollback(UUID id, UUID workspaceId, UUID projectId, UUID environmentId, @Nullable UUID fromReleaseId, UUID toReleaseId,
            @Nullable UUID promotionId, String reason, @Nullable UUID requestedBy, String requestedByName, Instant failureDetectedAt, Instant at) {
    }

    /** Inserts the rollback; false when another one of the environment is still under way. */
    boolean insert(NewRollback rollback) {
        return jdbc.sql("""
                insert into rollbacks (id, workspace_id, project_id, environment_id, from_release_id, to_release_id, promotion_id, reason,
                    state, requested_by, requested_by_name, failure_detected_at, requested_at)
                values (:id, :workspace, :project, :environment, :from, :to, :promotion, :reason, 'requested', :by, :byName, :detected, :at)
                on conflict do nothing""")
                .param("id", rollback.id()).param("workspace", rollback.workspaceId()).param("project", rollback.projectId())
                .param("environment", rollback.environmentId()).param("from", rollback.fromReleaseId()).param("to", rollback.toReleaseId())
                .param("promotion", rollback.promotionId()).param("reason", rollback.reason()).param("by", rollback.requestedBy())
                .param("byName", rollback.requestedByName()).param("detected", PromotionRepository.utc(rollback.failureDetectedAt()))
                .param("at", PromotionRepository.utc(rollback.at()))
                .update() == 1;
    }

    Optional<Rollback> find(UUID workspaceId, UUID id) {
        return jdbc.sql(SELECT + " where b.workspace_id = :workspace and b.id = :id")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional();
    }

    Optional<Rollback> byId(UUID id) {
        return jdbc.sql(SELECT + " where b.id = :id").param("id", id).query(ROW).optional();
    }

    Optional<Rollback> lock(UUID id) {
        return jdbc.sql(SELECT + " where b.id = :id for update of b").param("id", id).query(ROW).optional();
    }

    Optional<Rollback> openIn(UUID environmentId) {
        return jdbc.sql(SELECT + " where b.environment_id = :environment and b.state = 'requested'")
                .param("environment", environmentId).query(ROW).optional();
    }

    void finish(UUID id, String state, @Nullable String failure, Instant at) {
        jdbc.sql("update rollbacks set state = :state, failure = :failure, completed_at = :at where id = :id")
                .param("state", state).param("failure", failure).param("at", PromotionRepository.utc(at)).param("id", id).update();
    }

    /** An environment's rollbacks, newest first. */
    Page<Rollback> list(UUID workspaceId, UUID environmentId, PageRequest page) {
        List<Rollback> rows = jdbc.sql(SELECT + """
                where b.workspace_id = :workspace and b.environment_id = :environment
                  and (cast(:after as uuid) is null or b.id < cast(:after as uuid))
                order by b.id desc limit :limit""")
                .param("workspace", workspaceId).param("environment", environmentId)
                .param("after", page.afterId()).param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, rollback -> rollback.id().toString());
    }

    static GreenlightException notFound() {
        return GreenlightException.notFound("No such rollback.");
    }

    private static Rollback map(ResultSet row, int number) throws SQLException {
        return new Rollback(row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class), row.getString("workspace_slug"),
                row.getObject("project_id", UUID.class), row.getString("project_slug"),
                row.getObject("environment_id", UUID.class), row.getString("environment_name"),
                row.getObject("from_release_id", UUID.class), row.getString("from_version"),
                row.getObject("to_release_id", UUID.class), row.getString("to_version"),
                row.getObject("promotion_id", UUID.class), row.getString("reason"), row.getString("state"),
                row.getObject("requested_by", UUID.class), row.getString("requested_by_name"),
                PromotionRepository.instant(row, "failure_detected_at"), PromotionRepository.instant(row, "requested_at"),
                PromotionRepository.instant(row, "completed_at"), row.getString("failure"));
    }
}
