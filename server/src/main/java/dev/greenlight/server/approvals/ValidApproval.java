package dev.greenlight.server.approvals;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** An approval that counts: not withdrawn, and given for the artifacts the release has now. */
public record ValidApproval(UUID id, String role, String approver, UUID approverId, Instant at) {
    public ValidApproval {
        requireNonNull(id, "id is null");
        requireNonNull(role, "role is null");
        requireNonNull(approver, "approver is null");
        requireNonNull(approverId, "approverId is null");
        requireNonNull(at, "at is null");
    }
}
