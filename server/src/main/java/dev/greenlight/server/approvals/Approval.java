package dev.greenlight.server.approvals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An approval as stored, with the names of its project, release and environment. */
record Approval(
        UUID id,
        UUID workspaceId,
        UUID projectId,
        String projectSlug,
        UUID releaseId,
        String version,
        UUID environmentId,
        String environment,
        String role,
        UUID approverId,
        String approverName,
        @Nullable String comment,
        String artifactsDigest,
        Instant createdAt,
        @Nullable Instant withdrawnAt) {

    Approval {
        requireNonNull(id, "id is null");
        requireNonNull(role, "role is null");
        requireNonNull(approverId, "approverId is null");
        requireNonNull(artifactsDigest, "artifactsDigest is null");
    }

    /** Why the approval no longer counts for artifacts with {@code currentDigest}, or null when it does. */
    @Nullable String invalidReason(String currentDigest) {
        if (withdrawnAt != null) {
            return "withdrawn";
        }
        return artifactsDigest.equals(currentDigest) ? null : "artifacts-changed";
    }
}
