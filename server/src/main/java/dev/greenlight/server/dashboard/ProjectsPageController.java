package dev.greenlight.server.dashboard;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectVisibility;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;

/** The projects the caller may read, each with the readiness of its latest release per environment. */
@Controller
class ProjectsPageController {
    /** Each row evaluates a gate per environment; a short page keeps the page quick. */
    static final int PAGE_SIZE = 20;

    private final ProjectCatalog projects;
    private final ProjectVisibility visibility;
    private final Environments environments;
    private final ReadinessBadges badges;

    ProjectsPageController(ProjectCatalog projects, ProjectVisibility visibility, Environments environments, ReadinessBadges badges) {
        this.projects = projects;
        this.visibility = visibility;
        this.environments = environments;
        this.badges = badges;
    }

    /** Declares project:read like the API's list: the interceptor checks the credential, the query filters by role. */
    @GetMapping("/projects")
    @RequiresPermission(Permission.PROJECT_READ)
    String projects(@RequestParam(required = false) @Nullable String cursor, Model model) {
        Caller caller = CurrentCaller.require();
        Page<Project> page = projects.list(caller.workspaceId(), visibility.visibleTo(caller), PageRequest.of(PAGE_SIZE, cursor));
        model.addAttribute("caller", caller);
        model.addAttribute("rows", page.items().stream().map(this::row).toList());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("firstPage", cursor == null || cursor.isEmpty());
        return "dashboard/projects";
    }

    private ProjectRow row(Project project) {
        Optional<Release> latest = badges.latest(project);
        List<ProjectRow.EnvironmentStatus> statuses = environments.of(project).stream()
                .map(environment -> new ProjectRow.EnvironmentStatus(environment.name(), badges.stateOf(project, latest, environment)))
                .toList();
        return new ProjectRow(project.slug(), project.name(), project.description(), latest.map(Release::version).orElse(null), statuses);
    }
}
