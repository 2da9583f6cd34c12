package dev.greenlight.server.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.greenlight.server.config.InvalidConfigurationException;

/**
 * Health source settings ({@code GREENLIGHT_HEALTH_*}).
 *
 * @param connectTimeout how long to wait for a Prometheus server to accept the connection
 * @param requestTimeout how long one Prometheus query may take, answer included; the three queries of a sample run
 *     side by side, so a sample takes at most about this long
 * @param maxPushedWindow the longest window one pushed sample may cover: a long window would blur a short canary step
 * @param pushedRetention how long pushed samples are kept, counted from the end of their window
 */
@ConfigurationProperties("greenlight.health")
record HealthProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("1h") Duration maxPushedWindow,
        @DefaultValue("30d") Duration pushedRetention) {

    HealthProperties {
        // Checked while binding, so that a bad value stops the start with one line naming the setting.
        within("greenlight.health.connect-timeout", connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
        within("greenlight.health.request-timeout", requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
        within("greenlight.health.max-pushed-window", maxPushedWindow, Duration.ofSeconds(1), Duration.ofDays(1));
        within("greenlight.health.pushed-retention", pushedRetention, Duration.ofDays(1), Duration.ofDays(3660));
    }

    private static void within(String property, Duration value, Duration least, Duration most) {
        if (value == null || value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            throw new InvalidConfigurationException(property, "must be between " + least + " and " + most);
        }
    }
}
