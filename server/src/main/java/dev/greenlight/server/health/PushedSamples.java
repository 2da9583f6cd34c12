package dev.greenlight.server.health;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;

/**
 * The health_samples table: a version's traffic over short windows, as a service or its collector reported it. Not
 * recorded in the ledger one by one (there can be one every few seconds per version); what the canary analysis made
 * of them is.
 */
@Service
class PushedSamples {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HealthProperties properties;

    PushedSamples(JdbcClient jdbc, Clock clock, HealthProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** One stored sample. */
    record Stored(UUID id, String version, long requests, long errors, @Nullable Double latencyP95Ms, Instant windowStart, Instant windowEnd,
            Instant receivedAt) {
        Stored {
            requireNonNull(id, "id is null");
            requireNonNull(version, "version is null");
            requireNonNull(windowStart, "windowStart is null");
            requireNonNull(windowEnd, "windowEnd is null");
            requireNonNull(receivedAt, "receivedAt is null");
        }
    }

    /** Stores a checked sample, and lets the environment's samples older than the retention go. */
    Stored add(UUID principalId, Project project, Environment environment, String version, HealthSample sample, Instant windowStart,
            Instant windowEnd) {
        Instant now = clock.instant();
        Stored stored = new Stored(Ids.newId(clock), version, sample.requests(), sample.errors(), sample.latencyP95Millis(), windowStart,
                windowEnd, now);
        jdbc.sql("""
                insert into health_samples (id, workspace_id, environment_id, version, requests, errors, latency_p95_ms,
                    window_start, window_end, received_at, reported_by)
                values (:id, :workspace, :environment, :version, :requests, :errors, :latency, :start, :end, :received, :by)""")
                .param("id", stored.id())
                .param("workspace", project.workspaceId())
                .param("environment", environment.id())
                .param("version", version)
                .param("requests", sample.requests())
                .param("errors", sample.errors())
                .param("latency", sample.latencyP95Millis())
                .param("start", utc(windowStart))
                .param("end", utc(windowEnd))
                .param("received", utc(now))
                .param("by", principalId)
                .update();
        // Pruned here rather than by a job: usually nothing or one row has aged out since the last push, and the
        // index on (environment_id, window_end) finds it.
        jdbc.sql("delete from health_samples where environment_id = :environment and window_end < :cutoff")
                .param("environment", environment.id())
                .param("cutoff", utc(now.minus(properties.pushedRetention())))
                .update();
        return stored;
    }

    /**
     * The version's samples whose whole window lies in [from, to], added up; empty when there are none. Requests
     * and errors add up exactly. Percentiles do not: the p95 of the union is not any mix of the windows' p95s. The
     * largest of them is an upper bound of it (at most 5 % of each window's requests are slower, so at most 5 % of
     * all are slower than the largest), which never makes a slow canary look fast.
     */
    Optional<HealthSample> sum(Environment environment, String version, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) as samples, coalesce(sum(requests), 0) as requests, coalesce(sum(errors), 0) as errors,
                    max(latency_p95_ms) as latency
                from health_samples
                where environment_id = :environment and version = :version and window_start >= :from and window_end <= :to""")
                .param("environment", environment.id())
                .param("version", version)
                // Windows are stored to the millisecond: one that starts in the same millisecond as the range belongs to it.
                .param("from", utc(from.truncatedTo(ChronoUnit.MILLIS)))
                .param("to", utc(to))
                .query((row, number) -> row.getLong("samples") == 0 ? Optional.<HealthSample>empty()
                        : Optional.of(new HealthSample(row.getLong("requests"), row.getLong("errors"), row.getObject("latency", Double.class))))
                .single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
