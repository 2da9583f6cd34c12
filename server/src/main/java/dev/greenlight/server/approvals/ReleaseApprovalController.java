package dev.greenlight.server.approvals;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/** A release's approvals: approve it for an environment in a role, and list the approvals with whether they count. */
@RestController
@RequestMapping("/api/v1/projects/{project}/releases/{version}/approvals")
class ReleaseApprovalController {
    /** Printable text that may span lines; a lone UTF-16 surrogate (\p{Cs}) could not be written to the ledger. */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\p{Cs}]+";

    private final ProjectCatalog projects;
    private final Releases releases;
    private final Environments environments;
    private final ApprovalRecords records;
    private final ApprovalRepository repository;

    ReleaseApprovalController(ProjectCatalog projects, Releases releases, Environments environments, ApprovalRecords records,
            ApprovalRepository repository) {
        this.projects = projects;
        this.releases = releases;
        this.environments = environments;
        this.records = records;
        this.repository = repository;
    }

    /** 201 with the new approval; 200 with the caller's standing approval when they already approved these artifacts. */
    @PostMapping
    @RequiresPermission(Permission.RELEASES_APPROVE)
    @Transactional
    ResponseEntity<ApprovalView> approve(@PathVariable String project, @PathVariable String version, @Valid @RequestBody ApproveRelease request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Release release = releases.require(found, version);
        Environment environment = environments.find(found, request.environment()).orElseThrow(() -> invalid(
                "environment", "project '" + found.slug() + "' has no environment '" + request.environment() + "'"));
        Role role = Role.fromWireName(request.role()).orElseThrow(() -> invalid("role", "must be one of "
                + Arrays.stream(Role.values()).map(Role::wireName).toList()));
        ApprovalRecords.Granted granted = records.grant(caller, found, release, environment, role, request.comment());
        ApprovalView view = ApprovalView.of(granted.approval(), release.artifactsDigest());
        if (!granted.created()) {
            return ResponseEntity.status(HttpStatus.OK).body(view);
        }
        return ResponseEntity.created(URI.create("/api/v1/approvals/" + view.id())).body(view);
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    Page<ApprovalView> list(@PathVariable String project, @PathVariable String version,
            @RequestParam(required = false) @Nullable String environment,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Release release = releases.require(found, version);
        PageRequest page = PageRequest.of(limit, cursor);
        Environment only = environment == null || environment.isEmpty() ? null : environments.find(found, environment)
                .orElseThrow(() -> GreenlightException.badRequest("Project '" + found.slug() + "' has no environment '" + environment + "'."));
        String digest = release.artifactsDigest();
        return repository.list(found.workspaceId(), release.id(), only == null ? null : only.id(), page)
                .map(approval -> ApprovalView.of(approval, digest));
    }

    private static GreenlightException invalid(String field, String message) {
        return new GreenlightException(ProblemKind.VALIDATION_FAILED, "The request has 1 invalid field.")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    record ApproveRelease(
            @NotNull @Size(min = 1, max = 63) String environment,
            @NotNull @Size(min = 1, max = 50) String role,
            @Nullable @Size(max = 2000) @Pattern(regexp = TEXT, message = "must not contain control characters other than line breaks and tabs") String comment) {
    }
}
