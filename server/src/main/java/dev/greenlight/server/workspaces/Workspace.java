package dev.greenlight.server.workspaces;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** A tenant. The slug names it in URLs and in its ledger origin. */
public record Workspace(UUID id, String slug, String name, Instant createdAt) {
    public Workspace {
        requireNonNull(id, "id is null");
        requireNonNull(slug, "slug is null");
        requireNonNull(name, "name is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
