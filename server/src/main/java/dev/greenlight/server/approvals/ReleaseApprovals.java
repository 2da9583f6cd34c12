package dev.greenlight.server.approvals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;

/**
 * Approvals for other features' pages (the dashboard's approve form): the same service as the approval API, so
 * separation of duties and the no-blockers precondition hold. Errors are the API's {@link GreenlightException}s.
 */
@Service
public class ReleaseApprovals {
    private final ApprovalRecords records;
    private final ApprovalRepository repository;
    private final ProjectAccess access;

    ReleaseApprovals(ApprovalRecords records, ApprovalRepository repository, ProjectAccess access) {
        this.records = records;
        this.repository = repository;
        this.access = access;
    }

    /** Every approval of the release for the environment, with whether it still counts. */
    public Page<Summary> of(Release release, Environment environment, PageRequest page) {
        String digest = release.artifactsDigest();
        return repository.list(release.workspaceId(), release.id(), environment.id(), page)
                .map(approval -> Summary.of(approval, ApprovalView.of(approval, digest)));
    }

    /** Approves as {@code role}, without a comment (the API takes one). */
    @Transactional
    public Summary approve(Caller caller, Project project, Release release, Environment environment, @Nullable String role) {
        Role as = Role.fromWireName(role == null ? "" : role).orElseThrow(() -> new GreenlightException(ProblemKind.VALIDATION_FAILED,
                "The request has 1 invalid field.").with("errors", List.of(Map.of("field", "role", "message",
                        "must be one of " + Arrays.stream(Role.values()).map(Role::wireName).toList()))));
        ApprovalRecords.Granted granted = records.grant(caller, project, release, environment, as, null);
        return Summary.of(granted.approval(), ApprovalView.of(granted.approval(), release.artifactsDigest()));
    }

    /**
     * Withdraws the caller's own approval of the release for the environment, as the API's withdraw does; withdrawing
     * it again changes nothing. An approval of another release or environment is refused like a missing one.
     */
    @Transactional
    public Summary withdraw(Caller caller, Release release, Environment environment, UUID id) {
        Approval approval = repository.find(caller.workspaceId(), id).orElseThrow(ApprovalRepository::notFound);
        access.require(caller, Permission.PROJECT_READ, approval.projectSlug());
        if (!approval.releaseId().equals(release.id()) || !approval.environmentId().equals(environment.id())) {
            throw ApprovalRepository.notFound();
        }
        records.withdraw(caller, approval);
        Approval now = repository.find(caller.workspaceId(), id).orElseThrow(ApprovalRepository::notFound);
        return Summary.of(now, ApprovalView.of(now, release.artifactsDigest()));
    }

    /**
     * An approval as a page lists it; {@code invalidReason} says why one no longer counts. {@code approverId} is the
     * approver's principal id, so a page can offer withdrawing to them.
     */
    public record Summary(String id, String role, String approver, String approverId, @Nullable String comment, Instant approvedAt,
            boolean withdrawn, boolean valid, @Nullable String invalidReason) {
        static Summary of(Approval approval, ApprovalView view) {
            return new Summary(view.id(), view.role(), view.approver(), approval.approverId().toString(), view.comment(), view.approvedAt(),
                    view.withdrawnAt() != null, view.valid(), view.invalidReason());
        }
    }
}
