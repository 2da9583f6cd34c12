package dev.greenlight.server.promotions;

import java.util.Arrays;

/** Where a promotion stands. The last four are final. */
enum PromotionState {
    AWAITING_APPROVALS("awaiting-approvals"),
    DEPLOYING("deploying"),
    ANALYSING("analysing"),
    ROLLING_BACK("rolling-back"),
    PROMOTED("promoted"),
    ROLLED_BACK("rolled-back"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wireName;

    PromotionState(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    boolean isFinal() {
        return this == PROMOTED || this == ROLLED_BACK || this == FAILED || this == CANCELLED;
    }

    static PromotionState fromWireName(String name) {
        return Arrays.stream(values()).filter(state -> state.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown promotion state " + name));
    }
}
