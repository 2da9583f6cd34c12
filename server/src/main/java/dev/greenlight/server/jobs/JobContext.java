package dev.greenlight.server.jobs;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One run of a job: what was enqueued, and which attempt this is (1 for the first). */
public record JobContext(String kind, String key, String payload, int attempt, @Nullable UUID workspaceId) {
    public JobContext {
        requireNonNull(kind, "kind is null");
        requireNonNull(key, "key is null");
        requireNonNull(payload, "payload is null");
    }

    /** The same for every attempt of this job, so the outside can tell a retry from new work. */
    public String idempotencyKey() {
        return kind + ":" + key;
    }
}
