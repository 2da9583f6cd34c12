package dev.greenlight.server.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;

/** The job_dead_letters table. Reads for the API are bounded to one workspace. */
@Repository
class DeadLetterRepository {
    private static final RowMapper<DeadLetter> ROW = DeadLetterRepository::map;

    private final JdbcClient jdbc;

    DeadLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DeadLetter letter) {
        jdbc.sql("""
                insert into job_dead_letters (id, workspace_id, kind, job_key, payload, priority, attempts, last_error,
                    first_enqueued_at, failed_at)
                values (:id, :workspace, :kind, :key, :payload, :priority, :attempts, :lastError, :firstEnqueuedAt, :failedAt)""")
                .param("id", letter.id()).param("workspace", letter.workspaceId()).param("kind", letter.kind())
                .param("key", letter.key()).param("payload", letter.payload()).param("priority", wireName(letter.priority()))
                .param("attempts", letter.attempts()).param("lastError", letter.lastError())
                .param("firstEnqueuedAt", utc(letter.firstEnqueuedAt())).param("failedAt", utc(letter.failedAt()))
                .update();
    }

    /** The workspace's dead letters, newest first. */
    Page<DeadLetter> list(UUID workspaceId, PageRequest page) {
        List<DeadLetter> rows = jdbc.sql("""
                select * from job_dead_letters
                where workspace_id = :workspace and (cast(:after as uuid) is null or id < cast(:after as uuid))
                order by id desc limit :limit""")
                .param("workspace", workspaceId).param("after", page.afterId()).param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, letter -> letter.id().toString());
    }

    Optional<DeadLetter> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select * from job_dead_letters where workspace_id = :workspace and id = :id")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional();
    }

    /** Reads the dead letter under a row lock, so that two replays of it cannot both see it unreplayed. */
    Optional<DeadLetter> lock(UUID workspaceId, UUID id) {
        return jdbc.sql("select * from job_dead_letters where workspace_id = :workspace and id = :id for update")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional();
    }

    void markReplayed(UUID id, DeadLetter.Replay replay) {
        int updated = jdbc.sql("""
                update job_dead_letters set replayed_at = :at, replayed_by = :by, replayed_by_name = :byName, replay_key = :key
                where id = :id and replayed_at is null""")
                .param("at", utc(replay.at())).param("by", replay.by()).param("byName", replay.byName()).param("key", replay.key())
                .param("id", id)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("dead letter " + id + " was replayed meanwhile, although it was locked");
        }
    }

    static String wireName(JobPriority priority) {
        return priority.name().toLowerCase(Locale.ROOT);
    }

    private static DeadLetter map(ResultSet row, int number) throws SQLException {
        OffsetDateTime replayedAt = row.getObject("replayed_at", OffsetDateTime.class);
        DeadLetter.Replay replay = replayedAt == null ? null : new DeadLetter.Replay(replayedAt.toInstant(),
                row.getObject("replayed_by", UUID.class), row.getString("replayed_by_name"), row.getString("replay_key"));
        return new DeadLetter(
                row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class), row.getString("kind"),
                row.getString("job_key"), row.getString("payload"),
                JobPriority.valueOf(row.getString("priority").toUpperCase(Locale.ROOT)), row.getInt("attempts"),
                row.getString("last_error"), instant(row, "first_enqueued_at"), instant(row, "failed_at"), replay);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
