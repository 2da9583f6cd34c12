package dev.greenlight.server.dashboard;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.platform.PublicWhen;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.workspaces.Workspaces;

/**
 * The readiness badge of a project's latest release in an environment, for READMEs. Anything the caller may not know
 * about (no such project or environment, or a project they cannot see) is the same grey "unknown" badge.
 */
@Controller
class BadgeController {
    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final String DEFAULT_WORKSPACE = "default";

    private final BadgeProperties properties;
    private final Workspaces workspaces;
    private final ProjectCatalog projects;
    private final Environments environments;
    private final ProjectAccess access;
    private final ReadinessBadges badges;

    BadgeController(BadgeProperties properties, Workspaces workspaces, ProjectCatalog projects, Environments environments,
            ProjectAccess access, ReadinessBadges badges) {
        this.properties = properties;
        this.workspaces = workspaces;
        this.projects = projects;
        this.environments = environments;
        this.access = access;
        this.badges = badges;
    }

    /**
     * The path variable is deliberately not called {@code project}: the permission interceptor would answer a project
     * the caller cannot see with a 404 problem, while an image needs the grey badge. So the interceptor only checks
     * that there is a caller whose credential has the scope, and this handler checks project:read itself.
     */
    @GetMapping("/badge/{badgeProject}/{environment}.svg")
    @RequiresPermission(Permission.PROJECT_READ)
    @PublicWhen(BadgeProperties.PUBLIC)
    ResponseEntity<String> badge(@PathVariable String badgeProject, @PathVariable String environment,
            @RequestParam(required = false) @Nullable String workspace, HttpServletResponse response) {
        // Replaces the no-store every answer gets: a README image may be cached, but must be revalidated each time.
        response.setHeader("Cache-Control", "no-cache");
        return ResponseEntity.ok().contentType(SVG).body(BadgeSvg.of(stateOf(badgeProject, environment, workspace)));
    }

    private BadgeState stateOf(String slug, String environmentName, @Nullable String workspaceSlug) {
        Optional<Project> project = properties.open() ? publicProject(slug, workspaceSlug) : readableProject(slug);
        return project.flatMap(found -> environments.find(found, environmentName)
                        .map(environment -> badges.stateOf(found, badges.latest(found), environment)))
                .orElse(BadgeState.UNKNOWN);
    }

    /** Badges are public: the workspace is named in the query (a README has no session), the default one otherwise. */
    private Optional<Project> publicProject(String slug, @Nullable String workspaceSlug) {
        String wanted = workspaceSlug != null ? workspaceSlug
                : CurrentCaller.find().map(Caller::workspaceSlug).orElse(DEFAULT_WORKSPACE);
        return workspaces.findBySlug(wanted).flatMap(found -> projects.find(found.id(), slug));
    }

    private Optional<Project> readableProject(String slug) {
        Caller caller = CurrentCaller.require();
        try {
            access.require(caller, Permission.PROJECT_READ, slug);
        } catch (GreenlightException e) {
            return Optional.empty();
        }
        return projects.find(caller.workspaceId(), slug);
    }
}
