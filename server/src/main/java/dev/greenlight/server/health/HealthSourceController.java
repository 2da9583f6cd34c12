package dev.greenlight.server.health;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/**
 * An environment's health source: read by everyone on the project (without its token), replaced by those who manage
 * its environments.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/environments/{environment}/health-source")
class HealthSourceController {
    private final ProjectCatalog projects;
    private final Environments environments;
    private final HealthSources sources;

    HealthSourceController(ProjectCatalog projects, Environments environments, HealthSources sources) {
        this.projects = projects;
        this.environments = environments;
        this.sources = sources;
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    HealthSourceView show(@PathVariable String project, @PathVariable String environment) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Environment env = environments.require(found, environment);
        return HealthSourceView.of(env, sources.of(env));
    }

    @PutMapping
    @RequiresPermission(Permission.ENVIRONMENTS_MANAGE)
    @Transactional
    HealthSourceView replace(@PathVariable String project, @PathVariable String environment, @RequestBody HealthSourceRequest request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Environment env = environments.require(found, environment);
        HealthSource source = request.toSource();
        return HealthSourceView.of(env, Optional.of(sources.replace(Actor.of(caller), found, env, source)));
    }

    /**
     * @param configured false while the environment has no source: its canary analysis has no data
     * @param hasToken whether a bearer token is set; the token itself is never shown
     */
    record HealthSourceView(String environment, boolean configured, @Nullable String kind, @Nullable String url, boolean hasToken,
            @Nullable HealthQueriesView queries, @Nullable String updatedBy, @Nullable Instant updatedAt) {
        static HealthSourceView of(Environment environment, Optional<HealthSources.Configured> configured) {
            if (configured.isEmpty()) {
                return new HealthSourceView(environment.name(), false, null, null, false, null, null, null);
            }
            HealthSources.Configured found = configured.get();
            return switch (found.source()) {
                case HealthSource.Pushed pushed -> new HealthSourceView(environment.name(), true, pushed.kind(), null, false, null,
                        found.updatedBy(), found.updatedAt());
                case HealthSource.Prometheus prometheus -> new HealthSourceView(environment.name(), true, prometheus.kind(),
                        prometheus.url().toString(), prometheus.bearerToken() != null, HealthQueriesView.of(prometheus.queries()),
                        found.updatedBy(), found.updatedAt());
            };
        }
    }

    /** The PromQL templates in use; {@code latencyP95} is null when latency is not measured. */
    record HealthQueriesView(String requests, String errors, @Nullable String latencyP95) {
        static HealthQueriesView of(QueryTemplates queries) {
            return new HealthQueriesView(queries.requests(), queries.errors(), queries.latencyP95());
        }
    }
}
