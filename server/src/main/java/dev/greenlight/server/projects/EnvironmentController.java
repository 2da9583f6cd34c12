package dev.greenlight.server.projects;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.platform.Slugs;

/** The ordered environments of a project (staging → prod …). */
@RestController
@RequestMapping("/api/v1/projects/{project}/environments")
class EnvironmentController {
    private final ProjectCatalog projects;
    private final Environments environments;

    EnvironmentController(ProjectCatalog projects, Environments environments) {
        this.projects = projects;
        this.environments = environments;
    }

    /** A project has a handful of environments: one page holds them all, in order. */
    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    Page<EnvironmentView> list(@PathVariable String project) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        return new Page<>(environments.of(found).stream().map(EnvironmentView::of).toList(), null);
    }

    @GetMapping("/{environment}")
    @RequiresPermission(Permission.PROJECT_READ)
    EnvironmentView show(@PathVariable String project, @PathVariable String environment) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        return EnvironmentView.of(environments.require(found, environment));
    }

    @PostMapping
    @RequiresPermission(Permission.ENVIRONMENTS_MANAGE)
    @Transactional
    ResponseEntity<EnvironmentView> create(@PathVariable String project, @Valid @RequestBody CreateEnvironment request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Environment created = environments.create(Actor.of(caller), found, request.name(), request.after());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + found.slug() + "/environments/" + created.name()))
                .body(EnvironmentView.of(created));
    }

    record CreateEnvironment(
            @NotNull @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String name,
            @Nullable String after) {
    }

    record EnvironmentView(String name, int position, Instant createdAt) {
        static EnvironmentView of(Environment environment) {
            return new EnvironmentView(environment.name(), environment.position(), environment.createdAt());
        }
    }
}
