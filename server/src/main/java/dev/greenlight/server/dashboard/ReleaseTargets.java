package dev.greenlight.server.dashboard;

import org.springframework.stereotype.Component;

import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/** Finds what a form acts on in the caller's workspace: a form naming something that does not exist is a 404. */
@Component
class ReleaseTargets {
    private final ProjectCatalog projects;
    private final Releases releases;
    private final Environments environments;

    ReleaseTargets(ProjectCatalog projects, Releases releases, Environments environments) {
        this.projects = projects;
        this.releases = releases;
        this.environments = environments;
    }

    record Target(Project project, Release release, Environment environment) {
    }

    Target require(String projectSlug, String version, String environment) {
        Project project = projects.require(CurrentCaller.require().workspaceId(), projectSlug);
        return new Target(project, releases.require(project, version), environments.require(project, environment));
    }
}
