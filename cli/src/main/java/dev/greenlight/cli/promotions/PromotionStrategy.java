package dev.greenlight.cli.promotions;

import java.util.Locale;

/** How a release reaches its environment: all at once, or in rising traffic steps with analysis between them. */
enum PromotionStrategy {
    CANARY,
    DIRECT;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
