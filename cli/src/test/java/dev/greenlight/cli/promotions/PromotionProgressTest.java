package dev.greenlight.cli.promotions;

import static dev.greenlight.cli.promotions.PromotionJson.canary;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromotionProgressTest {
    @Test
    void readsWhereACanaryStands() {
        PromotionProgress progress = PromotionProgress.of(PromotionJson.parse(canary("analysing", 3, 25, "inconclusive", null)));

        assertThat(progress).isEqualTo(new PromotionProgress("analysing", 3, 4, 25, "inconclusive", false));
        assertThat(progress.describe()).isEqualTo("analysing, step 3 of 4 (25%), last analysis inconclusive");
    }

    @Test
    void namesNoStepWhileWaitingForApprovalsAndNoAnalysisOnceItIsPromoted() {
        assertThat(PromotionProgress.of(PromotionJson.parse(canary("awaiting-approvals", 1, 1, null, null))).describe())
                .isEqualTo("awaiting-approvals");
        PromotionProgress promoted = PromotionProgress.of(PromotionJson.parse(canary("promoted", 4, 100, "pass", "2025-06-01T12:30:00Z")));
        assertThat(promoted.describe()).isEqualTo("promoted");
        assertThat(promoted.promoted()).isTrue();
        assertThat(promoted.finished()).isTrue();
    }

    @Test
    void everyFinalStateFinishesEvenWithoutFinishedAt() {
        for (String state : PromotionProgress.FINAL_STATES) {
            assertThat(PromotionProgress.of(PromotionJson.parse(canary(state, 1, 1, null, null))).finished()).as(state).isTrue();
        }
        for (String state : new String[] {"awaiting-approvals", "deploying", "analysing", "rolling-back"}) {
            assertThat(PromotionProgress.of(PromotionJson.parse(canary(state, 1, 1, null, null))).finished()).as(state).isFalse();
        }
    }

    @Test
    void aStateWithControlCharactersCannotRewriteTheTerminal() {
        PromotionProgress progress = PromotionProgress.of(PromotionJson.parse("{\"state\":\"deploying\\u001b[2J\",\"steps\":[100]}"));

        assertThat(progress.describe()).isEqualTo("deploying?[2J");
    }
}
