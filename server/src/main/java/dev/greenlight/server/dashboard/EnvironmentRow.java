package dev.greenlight.server.dashboard;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.promotions.PromotionHistory;

/**
 * One environment on the project page: what it runs, ran before and last ran well (with the gate decision that made
 * that release good), and the promotion or rollback under way there.
 */
record EnvironmentRow(String name, @Nullable String current, @Nullable String previous, @Nullable String lastGood,
        @Nullable String lastGoodDecision, @Nullable PromotionRow promotionInFlight, @Nullable String rollbackInFlightTo) {

    static EnvironmentRow of(PromotionHistory.EnvironmentSummary summary) {
        return new EnvironmentRow(summary.environment(), summary.current(), summary.previous(), summary.lastGood(), summary.lastGoodDecision(),
                summary.promotionInFlight() == null ? null : PromotionRow.of(summary.promotionInFlight()), summary.rollbackInFlightTo());
    }

    public boolean idle() {
        return promotionInFlight == null && rollbackInFlightTo == null;
    }
}
