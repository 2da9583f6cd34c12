package dev.greenlight.server.promotions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.greenlight.server.config.InvalidConfigurationException;

/**
 * Promotion settings ({@code GREENLIGHT_PROMOTIONS_*}).
 *
 * @param approvalRecheck how often a promotion waiting for approvals or a freeze to end looks again
 * @param approvalTimeout how long a promotion waits for its approvals before it is cancelled
 */
@ConfigurationProperties("greenlight.promotions")
record PromotionProperties(@DefaultValue("5s") Duration approvalRecheck, @DefaultValue("7d") Duration approvalTimeout) {

    PromotionProperties {
        if (approvalRecheck == null || approvalRecheck.isNegative() || approvalRecheck.isZero() || approvalRecheck.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidConfigurationException("greenlight.promotions.approval-recheck", "must be more than 0 and at most 1h");
        }
        if (approvalTimeout == null || approvalTimeout.isNegative() || approvalTimeout.isZero() || approvalTimeout.compareTo(Duration.ofDays(90)) > 0) {
            throw new InvalidConfigurationException("greenlight.promotions.approval-timeout", "must be more than 0 and at most 90d");
        }
    }
}
