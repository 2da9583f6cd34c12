package dev.greenlight.server.promotions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each environment runs: the current release, the one before it, and the last release promoted successfully
 * together with the promotion and gate decision that made it good. Written only by promotions and rollbacks.
 */
@Repository
class EnvironmentReleases {
    private final JdbcClient jdbc;

    EnvironmentReleases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record State(@Nullable UUID currentReleaseId, @Nullable String currentVersion, @Nullable UUID previousReleaseId,
            @Nullable String previousVersion, @Nullable UUID lastGoodReleaseId, @Nullable String lastGoodVersion,
            @Nullable UUID lastGoodPromotionId, @Nullable UUID lastGoodDecisionId, @Nullable Instant updatedAt) {
        static final State EMPTY = new State(null, null, null, null, null, null, null, null, null);
    }

    State of(UUID environmentId) {
        return jdbc.sql("""
                select s.*, c.version as current_version, p.version as previous_version, g.version as last_good_version
                from environment_releases s
                left join releases c on c.id = s.current_release_id
                left join releases p on p.id = s.previous_release_id
                left join releases g on g.id = s.last_good_release_id
                where s.environment_id = :environment""")
                .param("environment", environmentId)
                .query((row, number) -> new State(row.getObject("current_release_id", UUID.class), row.getString("current_version"),
                        row.getObject("previous_release_id", UUID.class), row.getString("previous_version"),
                        row.getObject("last_good_release_id", UUID.class), row.getString("last_good_version"),
                        row.getObject("last_good_promotion_id", UUID.class), row.getObject("last_good_decision_id", UUID.class),
                        PromotionRepository.instant(row, "updated_at")))
                .optional().orElse(State.EMPTY);
    }

    /**
     * The release runs now and is the environment's last good release, made good by that promotion and decision: a
     * promotion that finished, or a rollback to a release that had been promoted before (whose earlier promotion and
     * decision are what vouch for it).
     */
    void promoted(UUID workspaceId, UUID environmentId, UUID releaseId, UUID promotionId, @Nullable UUID decisionId, Instant at) {
        jdbc.sql("""
                insert into environment_releases (environment_id, workspace_id, current_release_id, previous_release_id,
                    last_good_release_id, last_good_promotion_id, last_good_decision_id, updated_at)
                values (:environment, :workspace, :release, null, :release, :promotion, :decision, :at)
                on conflict (environment_id) do update set
                    previous_release_id = case when environment_releases.current_release_id = excluded.current_release_id
                        then environment_releases.previous_release_id else environment_releases.current_release_id end,
                    current_release_id = excluded.current_release_id, last_good_release_id = excluded.last_good_release_id,
                    last_good_promotion_id = excluded.last_good_promotion_id, last_good_decision_id = excluded.last_good_decision_id,
                    updated_at = excluded.updated_at""")
                .param("environment", environmentId).param("workspace", workspaceId).param("release", releaseId)
                .param("promotion", promotionId).param("decision", decisionId).param("at", PromotionRepository.utc(at))
                .update();
    }

    /** The version of the newest release successfully promoted into the environment that is not {@code releaseId}. */
    Optional<String> lastGoodOtherThan(UUID environmentId, @Nullable UUID releaseId) {
        return jdbc.sql("""
                select r.version from promotions m join releases r on r.id = m.release_id
                where m.environment_id = :environment and m.state = 'promoted'
                  and (cast(:release as uuid) is null or m.release_id <> cast(:release as uuid))
                order by m.finished_at desc limit 1""")
                .param("environment", environmentId).param("release", releaseId).query(String.class).optional();
    }

    record GoodPromotion(UUID promotionId, @Nullable UUID decisionId) {
    }

    /** The newest successful promotion of the release into the environment, if it ever had one. */
    Optional<GoodPromotion> successfulPromotion(UUID environmentId, UUID releaseId) {
        return jdbc.sql("""
                select id, decision_id from promotions where environment_id = :environment and release_id = :release and state = 'promoted'
                order by finished_at desc limit 1""")
                .param("environment", environmentId).param("release", releaseId)
                .query((row, number) -> new GoodPromotion(row.getObject("id", UUID.class), row.getObject("decision_id", UUID.class)))
                .optional();
    }
}
