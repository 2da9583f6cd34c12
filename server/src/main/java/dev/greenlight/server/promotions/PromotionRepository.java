package dev.greenlight.server.promotions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The promotions and their transitions; every query is bounded to one workspace or locks one row by id. */
@Repository
class PromotionRepository {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final String SELECT = """
            select m.*, w.slug as workspace_slug, p.slug as project_slug, r.version, e.name as environment_name,
                   b.version as baseline_version
            from promotions m
            join workspaces w on w.id = m.workspace_id
            join projects p on p.id = m.project_id
            join releases r on r.id = m.release_id
            join environments e on e.id = m.environment_id
            left join releases b on b.id = m.baseline_release_id
            """;
    private static final RowMapper<Promotion> ROW = PromotionRepository::map;

    private final JdbcClient jdbc;

    PromotionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewPromotion(UUID id, UUID workspaceId, UUID projectId, UUID releaseId, UUID environmentId, PromotionStrategy strategy,
            List<Integer> steps, Duration stepInterval, Duration deployTimeout, AnalysisSettings analysis, PromotionState state, @Nullable UUID baselineReleaseId,
            @Nullable String freezeOverride, UUID requestedBy, String requestedByName, Instant at) {
    }

    /** Inserts the promotion; false when another promotion of the environment is still open. */
    boolean insert(NewPromotion promotion) {
        return jdbc.sql("""
                insert into promotions (id, workspace_id, project_id, release_id, environment_id, strategy, steps, step_interval_ms,
                    deploy_timeout_ms, analysis, state, baseline_release_id, freeze_override, requested_by, requested_by_name, created_at, updated_at)
                values (:id, :workspace, :project, :release, :environment, :strategy, :steps, :interval, :deployTimeout, cast(:analysis as jsonb),
                    :state, :baseline, :override, :by, :byName, :at, :at)
                on conflict do nothing""")
                .param("id", promotion.id()).param("workspace", promotion.workspaceId()).param("project", promotion.projectId())
                .param("release", promotion.releaseId()).param("environment", promotion.environmentId())
                .param("strategy", promotion.strategy().wireName()).param("steps", promotion.steps().toArray(Integer[]::new))
                .param("interval", promotion.stepInterval().toMillis()).param("deployTimeout", promotion.deployTimeout().toMillis())
                .param("analysis", JSON.writeValueAsString(promotion.analysis().toMap())).param("state", promotion.state().wireName())
                .param("baseline", promotion.baselineReleaseId()).param("override", promotion.freezeOverride())
                .param("by", promotion.requestedBy()).param("byName", promotion.requestedByName()).param("at", utc(promotion.at()))
                .update() == 1;
    }

    Optional<Promotion> find(UUID workspaceId, UUID id) {
        return jdbc.sql(SELECT + " where m.workspace_id = :workspace and m.id = :id")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional();
    }

    /** The promotion as it is now, for the jobs that drive it (they act only after {@link #lock}ing it). */
    Optional<Promotion> byId(UUID id) {
        return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(ROW).optional();
    }

    /** The promotion, locked until the transaction ends: transitions of one promotion never interleave. */
    Optional<Promotion> lock(UUID id) {
        return jdbc.sql(SELECT + " where m.id = :id for update of m").param("id", id).query(ROW).optional();
    }

    Optional<Promotion> openIn(UUID environmentId) {
        return jdbc.sql(SELECT + " where m.environment_id = :environment and m.state in ('awaiting-approvals', 'deploying', 'analysing', 'rolling-back')")
                .param("environment", environmentId).query(ROW).optional();
    }

    /** Whether the principal asked for a promotion of the release into the environment that is still open. */
    boolean requestedOpen(UUID releaseId, UUID environmentId, UUID principalId) {
        return jdbc.sql("""
                select count(*) from promotions where release_id = :release and environment_id = :environment and requested_by = :by
                  and state in ('awaiting-approvals', 'deploying', 'analysing')""")
                .param("release", releaseId).param("environment", environmentId).param("by", principalId)
                .query(Long.class).single() > 0;
    }

    /** A project's promotions, newest first, optionally of one environment. */
    Page<Promotion> list(UUID workspaceId, UUID projectId, @Nullable UUID environmentId, PageRequest page) {
        List<Promotion> rows = jdbc.sql(SELECT + """
                where m.workspace_id = :workspace and m.project_id = :project
                  and (cast(:environment as uuid) is null or m.environment_id = cast(:environment as uuid))
                  and (cast(:after as uuid) is null or m.id < cast(:after as uuid))
                order by m.id desc limit :limit""")
                .param("workspace", workspaceId).param("project", projectId).param("environment", environmentId)
                .param("after", page.afterId()).param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, promotion -> promotion.id().toString());
    }

    /** A release's promotions, newest first, optionally into one environment. */
    Page<Promotion> listOfRelease(UUID workspaceId, UUID releaseId, @Nullable UUID environmentId, PageRequest page) {
        List<Promotion> rows = jdbc.sql(SELECT + """
                where m.workspace_id = :workspace and m.release_id = :release
                  and (cast(:environment as uuid) is null or m.environment_id = cast(:environment as uuid))
                  and (cast(:after as uuid) is null or m.id < cast(:after as uuid))
                order by m.id desc limit :limit""")
                .param("workspace", workspaceId).param("release", releaseId).param("environment", environmentId)
                .param("after", page.afterId()).param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, promotion -> promotion.id().toString());
    }

    /** What one transition changes besides the state; null fields keep their value. */
    record Change(PromotionState to, int stepIndex, @Nullable Instant stepStartedAt, @Nullable UUID decisionId,
            @Nullable Map<String, Object> lastAnalysis, boolean finished) {
    }

    void apply(Promotion promotion, Change change, Instant at) {
        jdbc.sql("""
                update promotions set state = :state, step_index = :step, seq = seq + 1,
                    step_started_at = coalesce(cast(:started as timestamptz), step_started_at),
                    decision_id = coalesce(cast(:decision as uuid), decision_id),
                    last_analysis = coalesce(cast(:analysis as jsonb), last_analysis), report_awaited_since = null, updated_at = :at,
                    finished_at = case when :finished then :at else finished_at end
                where id = :id""")
                .param("state", change.to().wireName()).param("step", change.stepIndex())
                .param("started", change.stepStartedAt() == null ? null : utc(change.stepStartedAt()))
                .param("decision", change.decisionId())
                .param("analysis", change.lastAnalysis() == null ? null : JSON.writeValueAsString(change.lastAnalysis()))
                .param("at", utc(at)).param("finished", change.finished()).param("id", promotion.id())
                .update();
    }

    /** The promotion waits for an external deployer's report of its current step since {@code since}. */
    void reportAwaited(UUID id, Instant since) {
        jdbc.sql("update promotions set report_awaited_since = :since where id = :id").param("since", utc(since)).param("id", id).update();
    }

    /** A re-check that changes no state: counts it, and keeps the latest analysis when there is one. */
    void tick(UUID id, @Nullable Map<String, Object> analysis, Instant at) {
        jdbc.sql("""
                update promotions set ticks = ticks + 1, last_analysis = coalesce(cast(:analysis as jsonb), last_analysis), updated_at = :at
                where id = :id""")
                .param("analysis", analysis == null ? null : JSON.writeValueAsString(analysis)).param("at", utc(at)).param("id", id).update();
    }

    void insertTransition(UUID promotionId, int seq, @Nullable PromotionState from, PromotionState to, int stepIndex, String actor,
            String reason, Map<String, Object> detail, Instant at, long ledgerIndex) {
        jdbc.sql("""
                insert into promotion_transitions (promotion_id, seq, from_state, to_state, step_index, actor, reason, detail, at, ledger_index)
                values (:promotion, :seq, :from, :to, :step, :actor, :reason, cast(:detail as jsonb), :at, :index)""")
                .param("promotion", promotionId).param("seq", seq).param("from", from == null ? null : from.wireName())
                .param("to", to.wireName()).param("step", stepIndex).param("actor", actor).param("reason", reason)
                .param("detail", JSON.writeValueAsString(detail)).param("at", utc(at)).param("index", ledgerIndex)
                .update();
    }

    record Transition(int seq, @Nullable String from, String to, int stepIndex, String actor, String reason, Map<String, Object> detail,
            Instant at, long ledgerIndex) {
    }

    List<Transition> transitions(UUID promotionId) {
        return jdbc.sql("select * from promotion_transitions where promotion_id = :id order by seq")
                .param("id", promotionId)
                .query((row, number) -> new Transition(row.getInt("seq"), row.getString("from_state"), row.getString("to_state"),
                        row.getInt("step_index"), row.getString("actor"), row.getString("reason"),
                        JSON.readValue(row.getString("detail"), OBJECT), row.getObject("at", OffsetDateTime.class).toInstant(),
                        row.getLong("ledger_index")))
                .list();
    }

    static GreenlightException notFound() {
        return GreenlightException.notFound("No such promotion.");
    }

    private static Promotion map(ResultSet row, int number) throws SQLException {
        Integer[] steps = (Integer[]) row.getArray("steps").getArray();
        String lastAnalysis = row.getString("last_analysis");
        return new Promotion(
                row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class), row.getString("workspace_slug"),
                row.getObject("project_id", UUID.class), row.getString("project_slug"),
                row.getObject("release_id", UUID.class), row.getString("version"),
                row.getObject("environment_id", UUID.class), row.getString("environment_name"),
                PromotionStrategy.valueOf(row.getString("strategy").toUpperCase(java.util.Locale.ROOT)),
                Arrays.asList(steps), Duration.ofMillis(row.getLong("step_interval_ms")), Duration.ofMillis(row.getLong("deploy_timeout_ms")),
                AnalysisSettings.fromMap(JSON.readValue(row.getString("analysis"), OBJECT)),
                PromotionState.fromWireName(row.getString("state")), row.getInt("step_index"), instant(row, "step_started_at"),
                row.getInt("seq"), row.getInt("ticks"), row.getObject("baseline_release_id", UUID.class), row.getString("baseline_version"),
                row.getObject("decision_id", UUID.class), row.getString("freeze_override"),
                lastAnalysis == null ? null : JSON.readValue(lastAnalysis, OBJECT), instant(row, "report_awaited_since"),
                row.getObject("requested_by", UUID.class), row.getString("requested_by_name"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                instant(row, "finished_at"));
    }

    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
