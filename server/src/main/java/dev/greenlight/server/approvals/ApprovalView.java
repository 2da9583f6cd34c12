package dev.greenlight.server.approvals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An approval as the API shows it. {@code valid} says whether it counts now; when it does not, {@code invalidReason}
 * says why: {@code withdrawn}, or {@code artifacts-changed} (the release's artifacts are no longer the approved ones).
 */
record ApprovalView(
        String id,
        String project,
        String release,
        String environment,
        String role,
        String approver,
        @Nullable String comment,
        String artifactsDigest,
        Instant approvedAt,
        @Nullable Instant withdrawnAt,
        boolean valid,
        @Nullable String invalidReason) {

    static ApprovalView of(Approval approval, String currentDigest) {
        String invalidReason = approval.invalidReason(currentDigest);
        return new ApprovalView(approval.id().toString(), approval.projectSlug(), approval.version(), approval.environment(),
                approval.role(), approval.approverName(), approval.comment(), approval.artifactsDigest(), approval.createdAt(),
                approval.withdrawnAt(), invalidReason == null, invalidReason);
    }
}
