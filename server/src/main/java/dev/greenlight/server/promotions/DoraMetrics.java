package dev.greenlight.server.promotions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The four DORA figures from Greenlight's own records of one environment (production by default), over a window that
 * ends now. Only governed records count: promotions that finished, rollbacks that were asked for and completed. Each
 * figure lists the records it counted, so that anyone can check it against the ledger.
 */
@Service
public class DoraMetrics {
    private final JdbcClient jdbc;

    DoraMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A promotion that finished in the window, and whether it was rolled back since. */
    public record Deployment(String promotion, String release, Instant promotedAt, @Nullable Instant commitTime, @Nullable String rolledBackBy) {
    }

    public record Restore(String rollback, boolean automatic, Instant failureDetectedAt, Instant restoredAt, long seconds) {
    }

    /**
     * @param deploymentsPerDay promotions finished per day of the window
     * @param leadTimeMedianSeconds median of commit time → promoted, over the deployments with a commit time
     * @param changeFailureRate share of the deployments rolled back later; null without deployments
     * @param timeToRestoreMedianSeconds median of failure detected → last good restored, over completed rollbacks
     */
    public record Report(String environment, Duration window, Instant from, Instant to, List<Deployment> deployments, double deploymentsPerDay,
            @Nullable Long leadTimeMedianSeconds, List<String> leadTimeCounted, List<String> leadTimeSkipped, @Nullable Double changeFailureRate,
            List<String> failedDeployments, List<Restore> restores, @Nullable Long timeToRestoreMedianSeconds) {
    }

    public Report of(UUID environmentId, String environment, Duration window, Instant now) {
        Instant from = now.minus(window);
        List<Deployment> deployments = jdbc.sql("""
                select m.id, r.version, m.finished_at, r.commit_time,
                       (select b.id from rollbacks b where b.environment_id = m.environment_id and b.from_release_id = m.release_id
                          and b.requested_at >= m.finished_at and b.state <> 'failed' order by b.requested_at limit 1) as rolled_back_by
                from promotions m join releases r on r.id = m.release_id
                where m.environment_id = :environment and m.state = 'promoted' and m.finished_at > :from and m.finished_at <= :to
                order by m.finished_at""")
                .param("environment", environmentId).param("from", PromotionRepository.utc(from)).param("to", PromotionRepository.utc(now))
                .query((row, number) -> {
                    UUID rollback = row.getObject("rolled_back_by", UUID.class);
                    return new Deployment(row.getObject("id", UUID.class).toString(), row.getString("version"),
                            PromotionRepository.instant(row, "finished_at"), PromotionRepository.instant(row, "commit_time"),
                            rollback == null ? null : rollback.toString());
                })
                .list();
        List<Long> leadTimes = new ArrayList<>();
        List<String> leadCounted = new ArrayList<>();
        List<String> leadSkipped = new ArrayList<>();
        for (Deployment deployment : deployments) {
            if (deployment.commitTime() == null || deployment.commitTime().isAfter(deployment.promotedAt())) {
                leadSkipped.add(deployment.promotion());
            } else {
                leadTimes.add(Duration.between(deployment.commitTime(), deployment.promotedAt()).toSeconds());
                leadCounted.add(deployment.promotion());
            }
        }
        List<String> failed = deployments.stream().filter(deployment -> deployment.rolledBackBy() != null).map(Deployment::promotion).toList();
        List<Restore> restores = jdbc.sql("""
                select id, requested_by, failure_detected_at, completed_at from rollbacks
                where environment_id = :environment and state = 'completed' and completed_at > :from and completed_at <= :to
                order by completed_at""")
                .param("environment", environmentId).param("from", PromotionRepository.utc(from)).param("to", PromotionRepository.utc(now))
                .query((row, number) -> {
                    Instant detected = PromotionRepository.instant(row, "failure_detected_at");
                    Instant restored = PromotionRepository.instant(row, "completed_at");
                    return new Restore(row.getObject("id", UUID.class).toString(), row.getObject("requested_by", UUID.class) == null, detected, restored,
                            Duration.between(detected, restored).toSeconds());
                })
                .list();
        double days = window.toMillis() / (double) Duration.ofDays(1).toMillis();
        return new Report(environment, window, from, now, deployments, deployments.size() / days, median(leadTimes), leadCounted, leadSkipped,
                deployments.isEmpty() ? null : failed.size() / (double) deployments.size(), failed, restores,
                median(restores.stream().map(Restore::seconds).toList()));
    }

    /** The median; of an even count, the lower middle value (a duration that was actually observed). */
    static @Nullable Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
