package dev.greenlight.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a scheduled job carries besides its kind and key (db-scheduler's task name and instance id): the handler's
 * payload, whose dead-letter list shows it, its priority and when it was first enqueued, both kept for a replay.
 */
record JobData(String payload, @Nullable UUID workspaceId, JobPriority priority, Instant enqueuedAt) {
    JobData {
        requireNonNull(payload, "payload is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(enqueuedAt, "enqueuedAt is null");
    }
}
