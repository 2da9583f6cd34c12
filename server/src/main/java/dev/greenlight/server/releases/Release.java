package dev.greenlight.server.releases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One version of a project. {@code author} is who wrote the change; {@code createdBy} who registered it here. */
public record Release(
        UUID id,
        UUID workspaceId,
        UUID projectId,
        String version,
        String commitSha,
        @Nullable Instant commitTime,
        List<Artifact> artifacts,
        @Nullable String author,
        Instant createdAt,
        UUID createdBy) {

    public Release {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(commitSha, "commitSha is null");
        artifacts = List.copyOf(artifacts);
        requireNonNull(createdAt, "createdAt is null");
    }

    /** A shipped file, identified by its SHA-256. */
    public record Artifact(String name, String sha256) {
        public Artifact {
            requireNonNull(name, "name is null");
            requireNonNull(sha256, "sha256 is null");
        }
    }
}
