package dev.greenlight.server.gates;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/** May this release go to that environment now, and if not, why not. */
@RestController
class ReadinessController {
    private final ProjectCatalog projects;
    private final Releases releases;
    private final Environments environments;
    private final Readiness readiness;

    ReadinessController(ProjectCatalog projects, Releases releases, Environments environments, Readiness readiness) {
        this.projects = projects;
        this.releases = releases;
        this.environments = environments;
        this.readiness = readiness;
    }

    @GetMapping("/api/v1/projects/{project}/releases/{version}/readiness")
    @RequiresPermission(Permission.PROJECT_READ)
    ReadinessReport readiness(@PathVariable String project, @PathVariable String version, @RequestParam String environment) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Release release = releases.require(found, version);
        return readiness.evaluate(found, release, environments.require(found, environment)).report();
    }
}
