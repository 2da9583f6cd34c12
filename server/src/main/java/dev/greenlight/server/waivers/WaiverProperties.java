package dev.greenlight.server.waivers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.greenlight.server.config.InvalidConfigurationException;

/**
 * Waiver settings ({@code GREENLIGHT_WAIVERS_*}).
 *
 * @param maxDuration how far ahead a waiver's expiry may be set: a waiver is a time-boxed exception, never a
 *     permanent one
 */
@ConfigurationProperties("greenlight.waivers")
record WaiverProperties(@DefaultValue("30d") Duration maxDuration) {
    static final Duration LONGEST = Duration.ofDays(366);

    WaiverProperties {
        // Checked while binding, so that a bad value stops the start with one line naming the setting.
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero() || maxDuration.compareTo(LONGEST) > 0) {
            throw new InvalidConfigurationException("greenlight.waivers.max-duration", "must be more than 0 and at most 366d");
        }
    }
}
