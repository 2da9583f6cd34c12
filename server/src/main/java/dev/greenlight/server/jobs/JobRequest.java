package dev.greenlight.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A job to run once, at or after {@code runAt}. {@code key} names this piece of work: enqueuing a key that is already
 * pending changes nothing, so a retried request does not queue the work twice. {@code payload} is JSON text for the
 * handler of {@code kind}; {@code workspaceId} says whose dead-letter list shows it when it keeps failing.
 */
public record JobRequest(String kind, String key, String payload, JobPriority priority, Instant runAt, @Nullable UUID workspaceId) {
    public JobRequest {
        requireNonNull(kind, "kind is null");
        requireNonNull(key, "key is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(runAt, "runAt is null");
        if (kind.isBlank() || key.isBlank()) {
            throw new IllegalArgumentException("a job needs a kind and a key");
        }
    }
}
