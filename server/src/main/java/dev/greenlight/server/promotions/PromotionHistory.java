package dev.greenlight.server.promotions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;

/**
 * What other features' pages show of promotions: each environment's releases and what is in flight there, and the
 * promotions of a project or of one release. Read-only; changes go through the API.
 */
@Service
public class PromotionHistory {
    private final EnvironmentReleases environments;
    private final PromotionRepository promotions;
    private final RollbackRepository rollbacks;

    PromotionHistory(EnvironmentReleases environments, PromotionRepository promotions, RollbackRepository rollbacks) {
        this.environments = environments;
        this.promotions = promotions;
        this.rollbacks = rollbacks;
    }

    /** An environment's current, previous and last good release, and the promotion or rollback under way. */
    public record EnvironmentSummary(String environment, @Nullable String current, @Nullable String previous, @Nullable String lastGood,
            @Nullable String lastGoodDecision, @Nullable Summary promotionInFlight, @Nullable String rollbackInFlightTo) {
    }

    /** A promotion as a page lists it; {@code step} counts from 1. */
    public record Summary(String id, String release, String environment, String strategy, String state, boolean finished, int step, int steps,
            int percent, @Nullable String baseline, @Nullable String lastAnalysisOutcome, List<String> lastAnalysisReasons, String requestedBy,
            Instant createdAt, @Nullable Instant finishedAt) {
    }

    public EnvironmentSummary of(Environment environment) {
        EnvironmentReleases.State state = environments.of(environment.id());
        return new EnvironmentSummary(environment.name(), state.currentVersion(), state.previousVersion(), state.lastGoodVersion(),
                state.lastGoodDecisionId() == null ? null : state.lastGoodDecisionId().toString(),
                promotions.openIn(environment.id()).map(PromotionHistory::summary).orElse(null),
                rollbacks.openIn(environment.id()).map(Rollback::toVersion).orElse(null));
    }

    /** A project's promotions, newest first, optionally of one environment. */
    public Page<Summary> of(Project project, @Nullable Environment environment, PageRequest page) {
        return promotions.list(project.workspaceId(), project.id(), environment == null ? null : environment.id(), page)
                .map(PromotionHistory::summary);
    }

    /** One release's promotions, newest first, optionally into one environment. */
    public Page<Summary> of(Release release, @Nullable Environment environment, PageRequest page) {
        return promotions.listOfRelease(release.workspaceId(), release.id(), environment == null ? null : environment.id(), page)
                .map(PromotionHistory::summary);
    }

    @SuppressWarnings("unchecked")
    private static Summary summary(Promotion promotion) {
        Map<String, Object> analysis = promotion.lastAnalysis();
        return new Summary(promotion.id().toString(), promotion.version(), promotion.environment(), promotion.strategy().wireName(),
                promotion.state().wireName(), promotion.state().isFinal(), promotion.stepIndex() + 1, promotion.steps().size(), promotion.stepPercent(),
                promotion.baselineVersion(), analysis == null ? null : (String) analysis.get("outcome"),
                analysis == null || analysis.get("reasons") == null ? List.of() : (List<String>) analysis.get("reasons"),
                promotion.requestedByName(), promotion.createdAt(), promotion.finishedAt());
    }
}
