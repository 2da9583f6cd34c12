package dev.greenlight.server.promotions;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How an environment's releases get deployed. A {@code webhook} is called for each step and rollback and signs its
 * requests with {@code secret}; an {@code external} system drives itself and reports through the status endpoints.
 */
record DeployerSettings(Kind kind, @Nullable String url, @Nullable String secret, Duration timeout, @Nullable String updatedBy,
        @Nullable Instant updatedAt) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Without a deployer nothing is called: the environment is driven like an external one. */
    static final DeployerSettings NONE = new DeployerSettings(Kind.EXTERNAL, null, null, DEFAULT_TIMEOUT, null, null);

    enum Kind {
        WEBHOOK, EXTERNAL;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
