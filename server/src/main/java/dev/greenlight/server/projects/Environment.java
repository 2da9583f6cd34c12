package dev.greenlight.server.projects;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** A stage a release moves through; position 0 comes first (staging before prod). */
public record Environment(UUID id, UUID projectId, String name, int position, Instant createdAt) {
    public Environment {
        requireNonNull(id, "id is null");
        requireNonNull(projectId, "projectId is null");
        requireNonNull(name, "name is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
