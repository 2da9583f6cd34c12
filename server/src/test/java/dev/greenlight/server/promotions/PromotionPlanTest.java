package dev.greenlight.server.promotions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

class PromotionPlanTest {

    @Test
    void aCanaryWithoutDetailsTakesTheDocumentedDefaults() {
        PromotionPlan plan = PromotionPlan.of(new PromotionPlan.Request("1.0.0", "prod", null, null, null, null, null, null));
        assertThat(plan.strategy()).isEqualTo(PromotionStrategy.CANARY);
        assertThat(plan.steps()).containsExactly(1, 5, 25, 100);
        assertThat(plan.stepInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.analysis().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.analysis().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.analysis().maxWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.analysis().criteria().minRequests()).isEqualTo(100);
        assertThat(plan.freezeOverride()).isNull();
        assertThat(plan.deployTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aDirectPromotionHasOneFullStep() {
        assertThat(PromotionPlan.of(new PromotionPlan.Request("1.0.0", "prod", "direct", null, null, null, null, null)).steps()).containsExactly(100);
        assertThat(fields(new PromotionPlan.Request("1.0.0", "prod", "direct", List.of(50, 100), null, null, null, null))).containsExactly("steps");
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        PromotionPlan.Analysis analysis = new PromotionPlan.Analysis("0s", "forever", null, -1.0, null, 1.5, 0L);
        List<String> fields = fields(new PromotionPlan.Request(" ", null, "sideways", List.of(10, 5, 100), "soon", analysis,
                new PromotionPlan.Override(" "), null));
        assertThat(fields).contains("release", "environment", "strategy", "stepInterval", "analysis.interval", "analysis.window",
                "analysis.maxErrorRateIncrease", "analysis.maxErrorRate", "analysis.minRequests", "freezeOverride.reason");
    }

    @Test
    void stepsRiseStrictlyAndEndAtAHundred() {
        assertThat(fields(canary(List.of(5, 50)))).containsExactly("steps");
        assertThat(fields(canary(List.of(5, 5, 100)))).containsExactly("steps");
        assertThat(fields(canary(List.of(0, 100)))).containsExactly("steps");
        assertThat(fields(canary(Arrays.asList(5, null, 100)))).containsExactly("steps");
        assertThat(fields(canary(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100)))).containsExactly("steps");
        assertThat(PromotionPlan.of(canary(List.of(10, 100))).steps()).containsExactly(10, 100);
    }

    @Test
    void durationsAreReadInShortAndIsoForm() {
        assertThat(DurationText.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(DurationText.parse("30d")).contains(Duration.ofDays(30));
        assertThat(DurationText.parse("PT90S")).contains(Duration.ofSeconds(90));
        assertThat(DurationText.parse("5 minutes")).isEmpty();
        assertThat(DurationText.parse("-5s")).isEmpty();
    }

    @Test
    void aMissingBodyIsMalformed() {
        assertThatThrownBy(() -> PromotionPlan.of(null)).isInstanceOfSatisfying(GreenlightException.class,
                problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.MALFORMED_BODY));
    }

    @Test
    void theWebhookSignatureIsHmacSha256OfTimestampDotBody() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookDeployer.signature("secret", "1700000000", "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(HMAC_OF_EXAMPLE);
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddle() {
        assertThat(DoraMetrics.median(List.of())).isNull();
        assertThat(DoraMetrics.median(List.of(30L, 10L, 20L))).isEqualTo(20L);
        assertThat(DoraMetrics.median(List.of(40L, 10L, 30L, 20L))).isEqualTo(20L);
    }

    private static final String HMAC_OF_EXAMPLE = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";

    private static PromotionPlan.Request canary(List<Integer> steps) {
        return new PromotionPlan.Request("1.0.0", "prod", "canary", steps, null, null, null, null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(PromotionPlan.Request request) {
        try {
            PromotionPlan.of(request);
        } catch (GreenlightException problem) {
            assertThat(problem.kind()).isEqualTo(ProblemKind.VALIDATION_FAILED);
            return ((List<Map<String, String>>) problem.properties().get("errors")).stream().map(error -> error.get("field")).toList();
        }
        throw new AssertionError("the request was accepted");
    }
}
