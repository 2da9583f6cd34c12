package dev.greenlight.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A job that failed as often as its handler allows, kept with its payload so that it can be replayed once. */
record DeadLetter(
        UUID id,
        @Nullable UUID workspaceId,
        String kind,
        String key,
        String payload,
        JobPriority priority,
        int attempts,
        String lastError,
        Instant firstEnqueuedAt,
        Instant failedAt,
        @Nullable Replay replay) {

    DeadLetter {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(key, "key is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(firstEnqueuedAt, "firstEnqueuedAt is null");
        requireNonNull(failedAt, "failedAt is null");
    }

    /** Who replayed it, when, and under which key the new job was enqueued. */
    record Replay(Instant at, UUID by, String byName, String key) {
        Replay {
            requireNonNull(at, "at is null");
            requireNonNull(by, "by is null");
            requireNonNull(byName, "byName is null");
            requireNonNull(key, "key is null");
        }
    }
}
