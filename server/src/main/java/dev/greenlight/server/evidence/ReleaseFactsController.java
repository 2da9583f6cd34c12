package dev.greenlight.server.evidence;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/** The merged facts of a release, as gates will read them. docs/facts.md documents the names and merge rules. */
@RestController
class ReleaseFactsController {
    private final ProjectCatalog projects;
    private final Releases releases;
    private final ReleaseFacts releaseFacts;

    ReleaseFactsController(ProjectCatalog projects, Releases releases, ReleaseFacts releaseFacts) {
        this.projects = projects;
        this.releases = releases;
        this.releaseFacts = releaseFacts;
    }

    @GetMapping("/api/v1/projects/{project}/releases/{version}/facts")
    @RequiresPermission(Permission.PROJECT_READ)
    ReleaseFactsView facts(@PathVariable String project, @PathVariable String version) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Release release = releases.require(found, version);
        ReleaseFacts.Merged merged = releaseFacts.of(release);
        return new ReleaseFactsView(release.version(), merged.facts(), merged.evidence());
    }

    record ReleaseFactsView(String release, Map<String, Object> facts, List<ReleaseFacts.Source> evidence) {
    }
}
