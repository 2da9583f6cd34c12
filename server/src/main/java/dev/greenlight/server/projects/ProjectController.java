package dev.greenlight.server.projects;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectVisibility;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.platform.Slugs;

/** Projects of the caller's workspace. Listing shows only the projects the caller may read. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {
    private final ProjectCatalog projects;
    private final ProjectVisibility visibility;

    ProjectController(ProjectCatalog projects, ProjectVisibility visibility) {
        this.projects = projects;
        this.visibility = visibility;
    }

    @PostMapping
    @RequiresPermission(Permission.PROJECTS_CREATE)
    @Transactional
    ResponseEntity<ProjectView> create(@Valid @RequestBody CreateProject request) {
        Caller caller = CurrentCaller.require();
        Project project = projects.create(Actor.of(caller), request.slug(), request.name(),
                request.description() == null ? "" : request.description());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.slug())).body(ProjectView.of(project));
    }

    /** Declares project:read: the interceptor checks the credential's scope, and the query filters by role. */
    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    Page<ProjectView> list(@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        Caller caller = CurrentCaller.require();
        return projects.list(caller.workspaceId(), visibility.visibleTo(caller), PageRequest.of(limit, cursor)).map(ProjectView::of);
    }

    @GetMapping("/{project}")
    @RequiresPermission(Permission.PROJECT_READ)
    ProjectView show(@PathVariable String project) {
        return ProjectView.of(projects.require(CurrentCaller.require().workspaceId(), project));
    }

    @PatchMapping("/{project}")
    @RequiresPermission(Permission.PROJECT_UPDATE)
    @Transactional
    ProjectView update(@PathVariable String project, @Valid @RequestBody UpdateProject request) {
        Caller caller = CurrentCaller.require();
        Project existing = projects.require(caller.workspaceId(), project);
        return ProjectView.of(projects.update(Actor.of(caller), existing, request.name(), request.description()));
    }

    record CreateProject(
            @NotNull @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
            @NotBlank @Size(max = 200) String name,
            @Nullable @Size(max = 2000) String description) {
    }

    record UpdateProject(@Nullable @Size(min = 1, max = 200) String name, @Nullable @Size(max = 2000) String description) {
    }

    record ProjectView(String slug, String name, String description, Instant createdAt, Instant updatedAt) {
        static ProjectView of(Project project) {
            return new ProjectView(project.slug(), project.name(), project.description(), project.createdAt(), project.updatedAt());
        }
    }
}
