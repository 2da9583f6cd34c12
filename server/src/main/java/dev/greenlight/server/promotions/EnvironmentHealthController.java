package dev.greenlight.server.promotions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.health.AnalysisCriteria;
import dev.greenlight.server.health.AnalysisResult;
import dev.greenlight.server.health.CanaryAnalysis;
import dev.greenlight.server.health.HealthSample;
import dev.greenlight.server.health.HealthSourceUnavailable;
import dev.greenlight.server.health.VersionHealth;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/**
 * Version health of an environment: the current version's traffic over a recent window against the previous
 * version's, judged with the default analysis limits.
 */
@RestController
class EnvironmentHealthController {
    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final ProjectCatalog projects;
    private final Environments environments;
    private final EnvironmentReleases releases;
    private final VersionHealth health;
    private final Clock clock;

    EnvironmentHealthController(ProjectCatalog projects, Environments environments, EnvironmentReleases releases, VersionHealth health, Clock clock) {
        this.projects = projects;
        this.environments = environments;
        this.releases = releases;
        this.health = health;
        this.clock = clock;
    }

    record VersionView(String version, @Nullable Map<String, Object> sample) {
    }

    record HealthView(String environment, String window, Instant from, Instant to, boolean sourceConfigured, @Nullable VersionView current,
            @Nullable VersionView previous, @Nullable String outcome, List<String> reasons, @Nullable String sourceError) {
    }

    @GetMapping("/api/v1/projects/{project}/environments/{environment}/health")
    @RequiresPermission(Permission.PROJECT_READ)
    HealthView show(@PathVariable String project, @PathVariable String environment, @RequestParam(required = false) @Nullable String window) {
        FieldChecks checks = new FieldChecks();
        Duration span = checks.duration("window", window, DEFAULT_WINDOW, Duration.ofMinutes(1), Duration.ofDays(1));
        checks.throwIfAny();
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Environment env = environments.require(found, environment);
        EnvironmentReleases.State state = releases.of(env.id());
        Instant to = clock.instant();
        Instant from = to.minus(span);
        boolean configured = health.configured(env);
        if (!configured || state.currentVersion() == null) {
            return new HealthView(env.name(), span.toString(), from, to, configured, null, null, null,
                    List.of(configured ? "nothing has been promoted into '" + env.name() + "' yet" : "'" + env.name() + "' has no health source"), null);
        }
        try {
            HealthSample current = health.sample(env, state.currentVersion(), from, to).orElse(null);
            HealthSample previous = state.previousVersion() == null ? null : health.sample(env, state.previousVersion(), from, to).orElse(null);
            AnalysisResult result = CanaryAnalysis.compare(previous, current, AnalysisCriteria.DEFAULTS, state.previousVersion() == null);
            Map<String, Object> described = CanaryAnalyses.describe(result, to);
            return new HealthView(env.name(), span.toString(), from, to, true, new VersionView(state.currentVersion(), sample(described, "canary")),
                    state.previousVersion() == null ? null : new VersionView(state.previousVersion(), sample(described, "baseline")),
                    (String) described.get("outcome"), result.reasons(), null);
        } catch (HealthSourceUnavailable e) {
            return new HealthView(env.name(), span.toString(), from, to, true, new VersionView(state.currentVersion(), null),
                    state.previousVersion() == null ? null : new VersionView(state.previousVersion(), null), null, List.of(), e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> sample(Map<String, Object> described, String side) {
        return (Map<String, Object>) described.get(side);
    }
}
