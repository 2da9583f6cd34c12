package dev.greenlight.server.promotions;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request to bring an environment back to a release it ran before: by a release captain ({@code requestedBy} set),
 * or by a failing canary ({@code promotionId} set, requested by the system).
 */
record Rollback(
        UUID id,
        UUID workspaceId,
        String workspaceSlug,
        UUID projectId,
        String project,
        UUID environmentId,
        String environment,
        @Nullable UUID fromReleaseId,
        @Nullable String fromVersion,
        UUID toReleaseId,
        String toVersion,
        @Nullable UUID promotionId,
        String reason,
        String state,
        @Nullable UUID requestedBy,
        String requestedByName,
        Instant failureDetectedAt,
        Instant requestedAt,
        @Nullable Instant completedAt,
        @Nullable String failure) {

    static final String REQUESTED = "requested";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    Rollback {
        requireNonNull(id, "id is null");
        requireNonNull(state, "state is null");
    }
}
