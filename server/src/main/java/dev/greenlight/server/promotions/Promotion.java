package dev.greenlight.server.promotions;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A promotion as stored, with the names its views and ledger entries use. {@code seq} counts its transitions;
 * {@code stepIndex} points into {@code steps} (traffic percentages, the last one 100).
 */
record Promotion(
        UUID id,
        UUID workspaceId,
        String workspaceSlug,
        UUID projectId,
        String project,
        UUID releaseId,
        String version,
        UUID environmentId,
        String environment,
        PromotionStrategy strategy,
        List<Integer> steps,
        Duration stepInterval,
        Duration deployTimeout,
        AnalysisSettings analysis,
        PromotionState state,
        int stepIndex,
        @Nullable Instant stepStartedAt,
        int seq,
        int ticks,
        @Nullable UUID baselineReleaseId,
        @Nullable String baselineVersion,
        @Nullable UUID decisionId,
        @Nullable String freezeOverride,
        @Nullable Map<String, Object> lastAnalysis,
        @Nullable Instant reportAwaitedSince,
        UUID requestedBy,
        String requestedByName,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {

    Promotion {
        requireNonNull(id, "id is null");
        requireNonNull(state, "state is null");
        steps = List.copyOf(steps);
    }

    int stepPercent() {
        return steps.get(stepIndex);
    }

    boolean lastStep() {
        return stepIndex == steps.size() - 1;
    }

    /** The key the deployer sees for one action of this promotion: the same on every retry of that action. */
    String idempotencyKey(String action) {
        return "promotion:" + id + ":" + action;
    }
}
