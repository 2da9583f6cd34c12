package dev.greenlight.server.projects;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** One deployable service or repository of a workspace. */
public record Project(UUID id, UUID workspaceId, String slug, String name, String description, Instant createdAt, Instant updatedAt) {
    public Project {
        requireNonNull(id, "id is null");
        requireNonNull(workspaceId, "workspaceId is null");
        requireNonNull(slug, "slug is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
