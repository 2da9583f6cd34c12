package dev.greenlight.cli.promotions;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.output.Cells;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The few members of a promotion that decide the exit code and fit on one progress line.
 *
 * @param step the step in progress (or the last one reached), counting from 1
 * @param steps how many steps the promotion has
 * @param analysis the outcome of the latest canary analysis ({@code pass}, {@code fail}, {@code inconclusive}), if any
 * @param finished whether the promotion has ended, well or not
 */
record PromotionProgress(String state, int step, int steps, int percent, @Nullable String analysis, boolean finished) {
    static final String PROMOTED = "promoted";

    /** The states a promotion ends in; a newer server's final state is recognised by its {@code finishedAt}. */
    static final Set<String> FINAL_STATES = Set.of(PROMOTED, "rolled-back", "failed", "cancelled");

    /** The states in which a step has been or is being deployed, where the step is worth naming. */
    private static final Set<String> WITH_STEP = Set.of("deploying", "analysing", "rolling-back", "rolled-back", "failed");

    PromotionProgress {
        requireNonNull(state, "state is null");
    }

    /** @throws UnreadableAnswerException when the answer has no state: guessing one would turn an error into an outcome */
    static PromotionProgress of(JsonNode promotion) {
        JsonNode state = promotion.path("state");
        if (!state.isString() || state.stringValue().isBlank()) {
            throw new UnreadableAnswerException("The server's answer about the promotion has no state.");
        }
        JsonNode outcome = promotion.path("lastAnalysis").path("outcome");
        JsonNode finishedAt = promotion.path("finishedAt");
        return new PromotionProgress(Cells.clean(state.stringValue()), promotion.path("step").path("number").intValue(0),
                promotion.path("steps").size(), promotion.path("step").path("percent").intValue(0),
                outcome.isString() ? Cells.clean(outcome.stringValue()) : null,
                FINAL_STATES.contains(state.stringValue()) || (finishedAt.isString() && !finishedAt.stringValue().isBlank()));
    }

    boolean promoted() {
        return PROMOTED.equals(state);
    }

    /** "analysing, step 2 of 4 (5%), last analysis inconclusive"; "awaiting-approvals"; "promoted". */
    String describe() {
        StringBuilder text = new StringBuilder(state);
        if (WITH_STEP.contains(state) && step > 0) {
            text.append(", step ").append(step).append(" of ").append(steps).append(" (").append(percent).append("%)");
        }
        if (analysis != null && !promoted() && WITH_STEP.contains(state)) {
            text.append(", last analysis ").append(analysis);
        }
        return text.toString();
    }
}
