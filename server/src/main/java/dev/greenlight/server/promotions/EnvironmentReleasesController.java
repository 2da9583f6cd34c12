package dev.greenlight.server.promotions;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/** What an environment runs, and rolling it back. */
@RestController
@RequestMapping("/api/v1/projects/{project}/environments/{environment}")
class EnvironmentReleasesController {
    private final ProjectCatalog projects;
    private final Environments environments;
    private final EnvironmentReleases releases;
    private final PromotionRepository promotions;
    private final RollbackRepository rollbacks;
    private final RollbackRequests requests;

    EnvironmentReleasesController(ProjectCatalog projects, Environments environments, EnvironmentReleases releases, PromotionRepository promotions,
            RollbackRepository rollbacks, RollbackRequests requests) {
        this.projects = projects;
        this.environments = environments;
        this.releases = releases;
        this.promotions = promotions;
        this.rollbacks = rollbacks;
        this.requests = requests;
    }

    /**
     * The current, previous and last good release, with the promotion and gate decision that made the last good one
     * good, and whatever promotion or rollback is under way.
     */
    record ReleasesView(String environment, @Nullable String current, @Nullable String previous, @Nullable LastGood lastGood,
            @Nullable PromotionView promotionInFlight, @Nullable RollbackView rollbackInFlight, @Nullable Instant updatedAt) {
    }

    record LastGood(String release, @Nullable String promotion, @Nullable String decision) {
    }

    record RollbackBody(@Nullable String to, @Nullable String reason) {
    }

    @GetMapping("/releases")
    @RequiresPermission(Permission.PROJECT_READ)
    ReleasesView show(@PathVariable String project, @PathVariable String environment) {
        Environment found = environment(project, environment);
        EnvironmentReleases.State state = releases.of(found.id());
        LastGood lastGood = state.lastGoodVersion() == null ? null : new LastGood(state.lastGoodVersion(),
                state.lastGoodPromotionId() == null ? null : state.lastGoodPromotionId().toString(),
                state.lastGoodDecisionId() == null ? null : state.lastGoodDecisionId().toString());
        return new ReleasesView(found.name(), state.currentVersion(), state.previousVersion(), lastGood,
                promotions.openIn(found.id()).map(PromotionView::of).orElse(null), rollbacks.openIn(found.id()).map(RollbackView::of).orElse(null),
                state.updatedAt());
    }

    /** {@code {to: <version> | "last-good", reason}}: needs a release captain; 202, the deployer is asked right away. */
    @PostMapping("/rollback")
    @RequiresPermission(Permission.RELEASES_ROLLBACK)
    ResponseEntity<RollbackView> rollback(@PathVariable String project, @PathVariable String environment,
            @RequestBody(required = false) @Nullable RollbackBody body) {
        FieldChecks checks = new FieldChecks();
        String to = body == null ? null : body.to();
        if (to == null || to.isBlank() || to.length() > 200) {
            checks.fail("to", "must name a version or \"last-good\"");
        }
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            checks.fail("reason", "must say why (1 to 1000 characters)");
        }
        checks.throwIfAny();
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Rollback rollback = requests.request(caller, found, environments.require(found, environment), to.strip(), reason.strip());
        return ResponseEntity.accepted().location(URI.create("/api/v1/rollbacks/" + rollback.id())).body(RollbackView.of(rollback));
    }

    @GetMapping("/rollbacks")
    @RequiresPermission(Permission.PROJECT_READ)
    Page<RollbackView> rollbacks(@PathVariable String project, @PathVariable String environment,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        Environment found = environment(project, environment);
        return rollbacks.list(CurrentCaller.require().workspaceId(), found.id(), PageRequest.of(limit, cursor)).map(RollbackView::of);
    }

    private Environment environment(String project, String environment) {
        Project found = projects.require(CurrentCaller.require().workspaceId(), project);
        return environments.require(found, environment);
    }
}
