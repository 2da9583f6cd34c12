package dev.greenlight.server.promotions;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.greenlight.server.gates.ReadinessReport;
import dev.greenlight.server.gates.Readiness;
import dev.greenlight.server.gates.ReleaseDecisions;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/** What a promotion needs from other features: its project, release and environment, the gate, and decisions. */
@Component
class PromotionContext {
    private final ProjectCatalog projects;
    private final Releases releases;
    private final Environments environments;
    private final Readiness readiness;
    private final ReleaseDecisions decisions;

    PromotionContext(ProjectCatalog projects, Releases releases, Environments environments, Readiness readiness, ReleaseDecisions decisions) {
        this.projects = projects;
        this.releases = releases;
        this.environments = environments;
        this.readiness = readiness;
        this.decisions = decisions;
    }

    record Subjects(Project project, Release release, Environment environment) {
    }

    Subjects subjects(Promotion promotion) {
        Project project = projects.findById(promotion.workspaceId(), promotion.projectId())
                .orElseThrow(() -> new IllegalStateException("the project of promotion " + promotion.id() + " is gone"));
        return new Subjects(project, releases.require(project, promotion.version()), environments.require(project, promotion.environment()));
    }

    Release releaseOf(UUID workspaceId, UUID projectId, String version) {
        Project project = projects.findById(workspaceId, projectId)
                .orElseThrow(() -> new IllegalStateException("project " + projectId + " is gone"));
        return releases.require(project, version);
    }

    ReadinessReport readiness(Promotion promotion) {
        Subjects subjects = subjects(promotion);
        return readiness.report(subjects.project(), subjects.release(), subjects.environment());
    }

    /** Whether a freeze window holds now and the promotion was not started with an override. */
    boolean frozen(Promotion promotion) {
        return promotion.freezeOverride() == null && readiness(promotion).freeze() != null;
    }

    /**
     * Records the gate's verdict as the decision the promotion goes ahead on, in the requester's name: it is their
     * request the gate answered.
     */
    UUID recordDecision(Promotion promotion) {
        Subjects subjects = subjects(promotion);
        Actor requester = new Actor(promotion.requestedBy(), promotion.requestedByName(), promotion.workspaceId(), promotion.workspaceSlug());
        return UUID.fromString(decisions.recordFor(requester, subjects.project(), subjects.release(), subjects.environment()).id());
    }
}
