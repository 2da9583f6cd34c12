package dev.greenlight.server.promotions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A promotion as the API shows it; {@code transitions} only when one promotion is asked for. */
record PromotionView(
        String id,
        String project,
        String release,
        String environment,
        String strategy,
        List<Integer> steps,
        String stepInterval,
        String deployTimeout,
        Map<String, Object> analysis,
        String state,
        Step step,
        @Nullable String baseline,
        @Nullable String decision,
        @Nullable String freezeOverride,
        @Nullable Map<String, Object> lastAnalysis,
        @Nullable Instant reportAwaitedSince,
        String requestedBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt,
        @Nullable List<TransitionView> transitions) {

    /** The step in progress (or the last one reached), counting from 1. */
    record Step(int number, int percent, @Nullable Instant startedAt) {
    }

    record TransitionView(int seq, @Nullable String from, String to, int step, String actor, String reason, Map<String, Object> detail,
            Instant at, long ledgerIndex) {
    }

    static PromotionView of(Promotion promotion) {
        return of(promotion, null);
    }

    static PromotionView of(Promotion promotion, @Nullable List<PromotionRepository.Transition> transitions) {
        return new PromotionView(promotion.id().toString(), promotion.project(), promotion.version(), promotion.environment(),
                promotion.strategy().wireName(), promotion.steps(), promotion.stepInterval().toString(), promotion.deployTimeout().toString(),
                promotion.analysis().toMap(),
                promotion.state().wireName(), new Step(promotion.stepIndex() + 1, promotion.stepPercent(), promotion.stepStartedAt()),
                promotion.baselineVersion(), promotion.decisionId() == null ? null : promotion.decisionId().toString(), promotion.freezeOverride(),
                promotion.lastAnalysis(), promotion.reportAwaitedSince(), promotion.requestedByName(), promotion.createdAt(), promotion.updatedAt(), promotion.finishedAt(),
                transitions == null ? null : transitions.stream().map(one -> new TransitionView(one.seq(), one.from(), one.to(), one.stepIndex() + 1,
                        one.actor(), one.reason(), one.detail(), one.at(), one.ledgerIndex())).toList());
    }
}
