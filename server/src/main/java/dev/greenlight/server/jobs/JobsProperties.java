package dev.greenlight.server.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.greenlight.server.config.InvalidConfigurationException;

/**
 * Job queue settings ({@code GREENLIGHT_JOBS_*}); docs/jobs.md explains each.
 *
 * @param threads jobs one node runs at the same time. Jobs mostly wait on the network (deployer webhooks, health
 *     queries), so a few more than the two cores keep those cores busy; each running job may hold a database
 *     connection of the pool (20)
 * @param pollingInterval how often a node with a free worker looks for due jobs. A job enqueued on this node starts
 *     at once after its transaction commits; every other node only sees it at its next poll, so this bounds how late
 *     a promotion step may start on a cluster, and each poll is one query per node
 * @param heartbeatInterval how often a node marks its running jobs alive; a job whose node missed six heartbeats
 *     (it crashed or lost the database) runs again elsewhere
 * @param shutdownMaxWait how long a shutdown lets running jobs finish before it interrupts them
 * @param retryBase the longest wait before the second attempt; it doubles with each failed attempt
 * @param retryMaxDelay the longest wait between two attempts, however many failed
 */
@ConfigurationProperties("greenlight.jobs")
record JobsProperties(
        @DefaultValue("4") int threads,
        @DefaultValue("500ms") Duration pollingInterval,
        @DefaultValue("30s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration shutdownMaxWait,
        @DefaultValue("1s") Duration retryBase,
        @DefaultValue("5m") Duration retryMaxDelay) {

    static final int MOST_THREADS = 64;

    JobsProperties {
        // Checked while binding, so that a bad value stops the start with one line naming the setting.
        if (threads < 1 || threads > MOST_THREADS) {
            throw new InvalidConfigurationException("greenlight.jobs.threads", "must be between 1 and " + MOST_THREADS);
        }
        requireBetween("greenlight.jobs.polling-interval", pollingInterval, Duration.ofMillis(10), "10ms", Duration.ofMinutes(10), "10m");
        requireBetween("greenlight.jobs.heartbeat-interval", heartbeatInterval, Duration.ofSeconds(1), "1s", Duration.ofHours(1), "1h");
        requireBetween("greenlight.jobs.shutdown-max-wait", shutdownMaxWait, Duration.ZERO, "0s", Duration.ofHours(1), "1h");
        requireBetween("greenlight.jobs.retry-base", retryBase, Duration.ofMillis(1), "1ms", Duration.ofHours(1), "1h");
        requireBetween("greenlight.jobs.retry-max-delay", retryMaxDelay, Duration.ofMillis(1), "1ms", Duration.ofDays(7), "7d");
        if (retryMaxDelay.compareTo(retryBase) < 0) {
            throw new InvalidConfigurationException("greenlight.jobs.retry-max-delay", "must be at least greenlight.jobs.retry-base");
        }
    }

    private static void requireBetween(String property, Duration value, Duration least, String leastText, Duration most, String mostText) {
        if (value == null || value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            throw new InvalidConfigurationException(property, "must be between " + leastText + " and " + mostText);
        }
    }
}
