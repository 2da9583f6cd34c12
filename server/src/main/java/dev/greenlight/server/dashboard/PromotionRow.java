package dev.greenlight.server.dashboard;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.promotions.PromotionHistory;

/**
 * One promotion as the pages list it: its state in words and as a symbol (never colour alone), where it is in its
 * steps, and its last analysis.
 */
record PromotionRow(String id, String release, String environment, String strategy, String state, String stateLabel, String symbol,
        String cssClass, boolean finished, String progress, @Nullable String analysisOutcome, @Nullable String analysisSymbol,
        List<String> analysisReasons, @Nullable String baseline, String requestedBy, Instant createdAt, @Nullable Instant finishedAt) {

    static PromotionRow of(PromotionHistory.Summary promotion) {
        Look look = Look.of(promotion.state());
        return new PromotionRow(promotion.id(), promotion.release(), promotion.environment(), promotion.strategy(), promotion.state(),
                look.label(), look.symbol(), look.cssClass(), promotion.finished(), progress(promotion), promotion.lastAnalysisOutcome(),
                promotion.lastAnalysisOutcome() == null ? null : analysisSymbol(promotion.lastAnalysisOutcome()), promotion.lastAnalysisReasons(),
                promotion.baseline(), promotion.requestedBy(), promotion.createdAt(), promotion.finishedAt());
    }

    public String requestedAtText() {
        return TimeText.of(createdAt);
    }

    public @Nullable String finishedAtText() {
        return finishedAt == null ? null : TimeText.of(finishedAt);
    }

    /**
     * Where the promotion is in its steps. A promotion waiting for approvals, or cancelled while it waited, has deployed
     * nothing yet, although its step counter already names the first step.
     */
    private static String progress(PromotionHistory.Summary promotion) {
        if (promotion.state().equals("awaiting-approvals") || promotion.state().equals("cancelled")) {
            return "no step deployed (" + promotion.steps() + (promotion.steps() == 1 ? " step" : " steps") + " planned)";
        }
        return "step " + promotion.step() + " of " + promotion.steps() + " · " + promotion.percent() + " %";
    }

    private static String analysisSymbol(String outcome) {
        return switch (outcome) {
            case "pass" -> "✓";
            case "fail" -> "✗";
            default -> "?";
        };
    }

    /** How a state reads and looks; the colours are those of the readiness badges, so that green always means good. */
    private record Look(String label, String symbol, String cssClass) {
        static Look of(String state) {
            return switch (state) {
                case "awaiting-approvals" -> new Look("waiting for approvals", "◷", "state-in-flight");
                case "deploying" -> new Look("deploying", "▲", "state-in-flight");
                case "analysing" -> new Look("analysing", "◎", "state-in-flight");
                case "rolling-back" -> new Look("rolling back", "↺", "state-blocked");
                case "promoted" -> new Look("promoted", "✓", "state-ready");
                case "rolled-back" -> new Look("rolled back", "↩", "state-blocked");
                case "failed" -> new Look("failed", "✗", "state-blocked");
                case "cancelled" -> new Look("cancelled", "–", "state-no-release");
                default -> new Look(state, "?", "state-unknown");
            };
        }
    }
}
