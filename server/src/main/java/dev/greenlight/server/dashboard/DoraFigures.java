package dev.greenlight.server.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.promotions.DoraMetrics;

/**
 * The four DORA figures of one environment as the project page shows them: each value in words, how many records it
 * counted, and those records, so that a reader can check a figure instead of trusting it.
 */
record DoraFigures(String environment, DoraWindow window, Instant from, Instant to, List<DeploymentRow> deployments, String deploymentsPerDay,
        @Nullable Long leadTimeMedianSeconds, List<DeploymentRow> leadTimeCounted, List<DeploymentRow> leadTimeSkipped,
        @Nullable Double changeFailureRate, List<DeploymentRow> failedDeployments, List<RestoreRow> restores,
        @Nullable Long timeToRestoreMedianSeconds) {

    /** A promotion that finished in the window; its lead time when its release has a usable commit time. */
    record DeploymentRow(String promotion, String release, Instant promotedAt, @Nullable Long leadTimeSeconds, @Nullable String rolledBackBy) {
        static DeploymentRow of(DoraMetrics.Deployment deployment) {
            Long lead = deployment.commitTime() == null || deployment.commitTime().isAfter(deployment.promotedAt()) ? null
                    : Duration.between(deployment.commitTime(), deployment.promotedAt()).toSeconds();
            return new DeploymentRow(deployment.promotion(), deployment.release(), deployment.promotedAt(), lead, deployment.rolledBackBy());
        }

        public String promoted() {
            return TimeText.of(promotedAt);
        }

        public @Nullable String leadTime() {
            return leadTimeSeconds == null ? null : DurationWords.of(leadTimeSeconds);
        }

        public @Nullable String leadTimeIso() {
            return leadTimeSeconds == null ? null : DurationWords.iso(leadTimeSeconds);
        }
    }

    record RestoreRow(String rollback, boolean automatic, Instant failureDetectedAt, Instant restoredAt, long seconds) {
        public String detected() {
            return TimeText.of(failureDetectedAt);
        }

        public String restored() {
            return TimeText.of(restoredAt);
        }

        public String duration() {
            return DurationWords.of(seconds);
        }

        public String durationIso() {
            return DurationWords.iso(seconds);
        }
    }

    static DoraFigures of(DoraMetrics.Report report, DoraWindow window) {
        List<DeploymentRow> deployments = report.deployments().stream().map(DeploymentRow::of).toList();
        Map<String, DeploymentRow> byPromotion = deployments.stream().collect(Collectors.toMap(DeploymentRow::promotion, Function.identity()));
        Function<List<String>, List<DeploymentRow>> rows = ids -> ids.stream().map(byPromotion::get).toList();
        return new DoraFigures(report.environment(), window, report.from(), report.to(), deployments,
                String.format(Locale.ROOT, "%.2f", report.deploymentsPerDay()), report.leadTimeMedianSeconds(), rows.apply(report.leadTimeCounted()),
                rows.apply(report.leadTimeSkipped()), report.changeFailureRate(), rows.apply(report.failedDeployments()),
                report.restores().stream().map(restore -> new RestoreRow(restore.rollback(), restore.automatic(), restore.failureDetectedAt(),
                        restore.restoredAt(), restore.seconds())).toList(),
                report.timeToRestoreMedianSeconds());
    }

    public String fromText() {
        return TimeText.of(from);
    }

    public String toText() {
        return TimeText.of(to);
    }

    /** Nothing happened in the window: no deployment finished and no rollback completed. */
    public boolean quiet() {
        return deployments.isEmpty() && restores.isEmpty();
    }

    public @Nullable String leadTimeMedian() {
        return leadTimeMedianSeconds == null ? null : DurationWords.of(leadTimeMedianSeconds);
    }

    public @Nullable String leadTimeMedianIso() {
        return leadTimeMedianSeconds == null ? null : DurationWords.iso(leadTimeMedianSeconds);
    }

    /** A whole percentage: it is a share of a handful of deployments, and decimals would claim a precision it lacks. */
    public @Nullable String changeFailurePercent() {
        return changeFailureRate == null ? null : Math.round(changeFailureRate * 100) + " %";
    }

    public @Nullable String timeToRestoreMedian() {
        return timeToRestoreMedianSeconds == null ? null : DurationWords.of(timeToRestoreMedianSeconds);
    }

    public @Nullable String timeToRestoreMedianIso() {
        return timeToRestoreMedianSeconds == null ? null : DurationWords.iso(timeToRestoreMedianSeconds);
    }
}
