package dev.greenlight.server.approvals;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Releases;

/**
 * One approval by its id: show it, or withdraw one's own. The path names no project, so each handler checks the
 * permission on the approval's project once it has found the approval.
 */
@RestController
@RequestMapping("/api/v1/approvals/{id}")
class ApprovalController {
    private final ApprovalRepository repository;
    private final ApprovalRecords records;
    private final ProjectAccess access;
    private final ProjectCatalog projects;
    private final Releases releases;

    ApprovalController(ApprovalRepository repository, ApprovalRecords records, ProjectAccess access,
            ProjectCatalog projects, Releases releases) {
        this.repository = repository;
        this.records = records;
        this.access = access;
        this.projects = projects;
        this.releases = releases;
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    ApprovalView show(@PathVariable String id) {
        Caller caller = CurrentCaller.require();
        Approval approval = visible(caller, id);
        Project project = projects.require(caller.workspaceId(), approval.projectSlug());
        return ApprovalView.of(approval, releases.require(project, approval.version()).artifactsDigest());
    }

    /** Withdraws the caller's own approval: 204, also when it was withdrawn already. */
    @DeleteMapping
    @RequiresPermission(Permission.RELEASES_APPROVE)
    @Transactional
    ResponseEntity<Void> withdraw(@PathVariable String id) {
        Caller caller = CurrentCaller.require();
        access.requireOnSomeProject(caller, Permission.RELEASES_APPROVE);
        records.withdraw(caller, visible(caller, id));
        return ResponseEntity.noContent().build();
    }

    private Approval visible(Caller caller, String id) {
        Approval approval = repository.find(caller.workspaceId(), parse(id)).orElseThrow(ApprovalRepository::notFound);
        access.require(caller, Permission.PROJECT_READ, approval.projectSlug());
        return approval;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApprovalRepository.notFound();
        }
    }
}
