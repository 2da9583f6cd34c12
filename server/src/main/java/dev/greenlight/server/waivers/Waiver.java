package dev.greenlight.server.waivers;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A waiver as stored, with the names of its project, release and environment. {@code status} is the stored decision;
 * {@link #statusAt} adds expiry.
 */
record Waiver(
        UUID id,
        UUID workspaceId,
        UUID projectId,
        String projectSlug,
        UUID releaseId,
        String version,
        UUID environmentId,
        String environment,
        String rule,
        String reason,
        String ticket,
        Instant expiresAt,
        WaiverStatus status,
        UUID requestedBy,
        String requestedByName,
        Instant createdAt,
        @Nullable Decision decision,
        @Nullable Revocation revocation) {

    Waiver {
        requireNonNull(id, "id is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(status, "status is null");
        requireNonNull(requestedBy, "requestedBy is null");
    }

    /** The approval or rejection: by whom, when, with what comment. */
    record Decision(UUID by, String byName, Instant at, @Nullable String comment) {
    }

    record Revocation(UUID by, String byName, Instant at, String reason) {
    }

    /** A requested or approved waiver expires at {@code expiresAt}: from then on it neither applies nor can be decided. */
    WaiverStatus statusAt(Instant now) {
        boolean open = status == WaiverStatus.REQUESTED || status == WaiverStatus.APPROVED;
        return open && !expiresAt.isAfter(now) ? WaiverStatus.EXPIRED : status;
    }
}
