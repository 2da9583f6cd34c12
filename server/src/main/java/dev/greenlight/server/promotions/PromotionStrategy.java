package dev.greenlight.server.promotions;

/** {@code direct} deploys everything at once; {@code canary} moves through traffic percentages with analysis between. */
enum PromotionStrategy {
    DIRECT, CANARY;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
