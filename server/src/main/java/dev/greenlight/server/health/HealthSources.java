package dev.greenlight.server.health;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The environment_health_sources table: one row per environment whose health source was configured. */
@Service
class HealthSources {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;

    HealthSources(JdbcClient jdbc, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A configured source with who configured it last, and when. */
    record Configured(HealthSource source, String updatedBy, Instant updatedAt) {
        Configured {
            requireNonNull(source, "source is null");
            requireNonNull(updatedBy, "updatedBy is null");
            requireNonNull(updatedAt, "updatedAt is null");
        }
    }

    Optional<Configured> of(Environment environment) {
        return jdbc.sql("""
                select s.kind, s.config, p.name as updated_by, s.updated_at
                from environment_health_sources s join principals p on p.id = s.updated_by
                where s.environment_id = :environment""")
                .param("environment", environment.id())
                .query((row, number) -> new Configured(
                        fromStored(row.getString("kind"), JSON.readValue(row.getString("config"), OBJECT)),
                        row.getString("updated_by"),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    boolean exists(Environment environment) {
        return jdbc.sql("select exists (select 1 from environment_health_sources where environment_id = :environment)")
                .param("environment", environment.id()).query(Boolean.class).single();
    }

    /**
     * Replaces the environment's source and records the change (kind, host, whether a token is set, the queries;
     * never the token). The same source again changes nothing and records nothing.
     */
    Configured replace(Actor actor, Project project, Environment environment, HealthSource source) {
        requireNonNull(actor.principalId(), "a health source is configured by a principal");
        Optional<Configured> current = of(environment);
        if (current.isPresent() && current.get().source().equals(source)) {
            return current.get();
        }
        jdbc.sql("""
                insert into environment_health_sources (environment_id, workspace_id, kind, config, updated_at, updated_by)
                values (:environment, :workspace, :kind, cast(:config as jsonb), :at, :by)
                on conflict (environment_id) do update set kind = excluded.kind, config = excluded.config,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("environment", environment.id())
                .param("workspace", project.workspaceId())
                .param("kind", source.kind())
                .param("config", JSON.writeValueAsString(stored(source)))
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .param("by", actor.principalId())
                .update();
        ledger.append(new LedgerEvent(actor.workspaceId(), actor.workspaceSlug(), "health-source.configured", project.slug(), actor.name(),
                recorded(environment, source)));
        return of(environment).orElseThrow();
    }

    private static Map<String, Object> recorded(Environment environment, HealthSource source) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("environment", environment.name());
        subject.put("kind", source.kind());
        if (source instanceof HealthSource.Prometheus prometheus) {
            subject.put("host", prometheus.host());
            subject.put("hasToken", prometheus.bearerToken() != null);
            subject.put("queries", queries(prometheus.queries()));
        }
        return subject;
    }

    private static Map<String, Object> stored(HealthSource source) {
        return switch (source) {
            case HealthSource.Pushed pushed -> Map.of();
            case HealthSource.Prometheus prometheus -> {
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("url", prometheus.url().toString());
                if (prometheus.bearerToken() != null) {
                    config.put("bearerToken", prometheus.bearerToken());
                }
                config.put("queries", queries(prometheus.queries()));
                yield config;
            }
        };
    }

    private static Map<String, Object> queries(QueryTemplates queries) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("requests", queries.requests());
        values.put("errors", queries.errors());
        if (queries.latencyP95() != null) {
            values.put("latencyP95", queries.latencyP95());
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static HealthSource fromStored(String kind, Map<String, Object> config) {
        return switch (kind) {
            case HealthSource.Pushed.KIND -> new HealthSource.Pushed();
            case HealthSource.Prometheus.KIND -> {
                Map<String, Object> queries = (Map<String, Object>) config.get("queries");
                yield new HealthSource.Prometheus(URI.create((String) config.get("url")), (String) config.get("bearerToken"),
                        new QueryTemplates((String) queries.get("requests"), (String) queries.get("errors"), (String) queries.get("latencyP95")));
            }
            default -> throw new IllegalStateException("unknown health source kind in the database: " + kind);
        };
    }
}
