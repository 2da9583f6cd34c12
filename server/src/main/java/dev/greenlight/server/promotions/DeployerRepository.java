package dev.greenlight.server.promotions;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The environment_deployers table. */
@Repository
class DeployerRepository {
    private final JdbcClient jdbc;

    DeployerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DeployerSettings of(UUID environmentId) {
        return jdbc.sql("""
                select d.*, p.name as updated_by_name from environment_deployers d left join principals p on p.id = d.updated_by
                where d.environment_id = :environment""")
                .param("environment", environmentId)
                .query((row, number) -> new DeployerSettings(DeployerSettings.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
                        row.getString("url"), row.getString("secret"), Duration.ofMillis(row.getInt("timeout_ms")),
                        row.getString("updated_by_name"), PromotionRepository.instant(row, "updated_at")))
                .optional().orElse(DeployerSettings.NONE);
    }

    void save(UUID workspaceId, UUID environmentId, DeployerSettings.Kind kind, @Nullable String url, @Nullable String secret, Duration timeout,
            @Nullable UUID by, Instant at) {
        jdbc.sql("""
                insert into environment_deployers (environment_id, workspace_id, kind, url, secret, timeout_ms, updated_by, updated_at)
                values (:environment, :workspace, :kind, :url, :secret, :timeout, :by, :at)
                on conflict (environment_id) do update set kind = excluded.kind, url = excluded.url, secret = excluded.secret,
                    timeout_ms = excluded.timeout_ms, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("environment", environmentId).param("workspace", workspaceId).param("kind", kind.wireName())
                .param("url", url).param("secret", secret).param("timeout", (int) timeout.toMillis()).param("by", by)
                .param("at", PromotionRepository.utc(at))
                .update();
    }
}
