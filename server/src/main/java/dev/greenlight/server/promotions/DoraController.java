package dev.greenlight.server.promotions;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/** {@code GET /api/v1/projects/{project}/dora?window=30d&environment=prod}: production is the last environment unless named. */
@RestController
class DoraController {
    private final ProjectCatalog projects;
    private final Environments environments;
    private final DoraMetrics metrics;
    private final Clock clock;

    DoraController(ProjectCatalog projects, Environments environments, DoraMetrics metrics, Clock clock) {
        this.projects = projects;
        this.environments = environments;
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/projects/{project}/dora")
    @RequiresPermission(Permission.PROJECT_READ)
    DoraMetrics.Report show(@PathVariable String project, @RequestParam(required = false) @Nullable String window,
            @RequestParam(required = false) @Nullable String environment) {
        FieldChecks checks = new FieldChecks();
        Duration span = checks.duration("window", window, Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(366));
        checks.throwIfAny();
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        Environment production = environment != null ? environments.require(found, environment) : production(found);
        return metrics.of(production.id(), production.name(), span, clock.instant());
    }

    private Environment production(Project project) {
        List<Environment> all = environments.of(project);
        return all.stream().max(Comparator.comparingInt(Environment::position))
                .orElseThrow(() -> GreenlightException.conflict("Project '" + project.slug() + "' has no environments."));
    }
}
