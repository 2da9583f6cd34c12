package dev.greenlight.server.provisioning;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.platform.SecretResponses;
import dev.greenlight.server.platform.Slugs;
import dev.greenlight.server.workspaces.Workspace;
import dev.greenlight.server.workspaces.Workspaces;

/**
 * Workspaces: the caller's own ({@code GET /api/v1/workspace}); listing and creating them is for instance
 * administrators, and a new workspace comes with its first administrator and key.
 */
@RestController
class WorkspaceController {
    private final Workspaces workspaces;
    private final WorkspaceProvisioner provisioner;

    WorkspaceController(Workspaces workspaces, WorkspaceProvisioner provisioner) {
        this.workspaces = workspaces;
        this.provisioner = provisioner;
    }

    @GetMapping("/api/v1/workspace")
    @RequiresPermission(Permission.SELF)
    WorkspaceView current() {
        return WorkspaceView.of(workspaces.require(CurrentCaller.require().workspaceId()));
    }

    @GetMapping("/api/v1/workspaces")
    @RequiresPermission(Permission.WORKSPACES_CREATE)
    Page<WorkspaceView> list() {
        List<WorkspaceView> all = workspaces.all().stream().map(WorkspaceView::of).toList();
        return new Page<>(all, null);
    }

    @PostMapping("/api/v1/workspaces")
    @RequiresPermission(Permission.WORKSPACES_CREATE)
    ResponseEntity<ProvisionedView> create(@Valid @RequestBody CreateWorkspace request) {
        Caller caller = CurrentCaller.require();
        SecretResponses.markCurrentResponse();
        var provisioned = provisioner.provision(request.slug(), request.name(),
                request.adminName() == null ? "admin" : request.adminName(), false, caller.name() + "@" + caller.workspaceSlug());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + provisioned.workspace().slug()))
                .body(new ProvisionedView(WorkspaceView.of(provisioned.workspace()), provisioned.admin().name(),
                        provisioned.key().key().id(), provisioned.key().token()));
    }

    record CreateWorkspace(
            @NotNull @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
            @NotBlank @Size(max = 200) String name,
            @Nullable @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a valid principal name") String adminName) {
    }

    record WorkspaceView(String slug, String name, Instant createdAt) {
        static WorkspaceView of(Workspace workspace) {
            return new WorkspaceView(workspace.slug(), workspace.name(), workspace.createdAt());
        }
    }

    /** The only response that carries the new administrator's key. */
    record ProvisionedView(WorkspaceView workspace, String admin, String apiKeyId, String apiKey) {
        @Override
        public String toString() {
            return "ProvisionedView[workspace=" + workspace + ", admin=" + admin + ", apiKey=***]";
        }
    }
}
