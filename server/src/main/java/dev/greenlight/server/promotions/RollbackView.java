package dev.greenlight.server.promotions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A rollback as the API shows it. */
record RollbackView(String id, String project, String environment, @Nullable String from, String to, @Nullable String promotion,
        boolean automatic, String reason, String state, String requestedBy, Instant requestedAt, @Nullable Instant completedAt,
        @Nullable String failure) {

    static RollbackView of(Rollback rollback) {
        return new RollbackView(rollback.id().toString(), rollback.project(), rollback.environment(), rollback.fromVersion(), rollback.toVersion(),
                rollback.promotionId() == null ? null : rollback.promotionId().toString(), rollback.requestedBy() == null, rollback.reason(),
                rollback.state(), rollback.requestedByName(), rollback.requestedAt(), rollback.completedAt(), rollback.failure());
    }
}
