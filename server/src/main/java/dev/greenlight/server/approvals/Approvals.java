package dev.greenlight.server.approvals;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.releases.Release;

/** What the gates ask of approvals: which ones count for a release in an environment. */
@Service
public class Approvals {
    private final ApprovalRepository repository;

    Approvals(ApprovalRepository repository) {
        this.repository = repository;
    }

    /**
     * The approvals that count, oldest first: not withdrawn, and given for the artifacts {@code release} has (pass the
     * release as read now). One per approver: an approver counts once, in the role they approved as.
     */
    public List<ValidApproval> validFor(Release release, Environment environment) {
        return repository.standing(release.workspaceId(), release.id(), environment.id(), release.artifactsDigest()).stream()
                .map(approval -> new ValidApproval(approval.id(), approval.role(), approval.approverName(), approval.approverId(),
                        approval.createdAt()))
                .toList();
    }
}
