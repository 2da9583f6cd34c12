package dev.greenlight.cli.promotions;

import static dev.greenlight.cli.promotions.PromotionJson.page;
import static dev.greenlight.cli.promotions.PromotionJson.releases;
import static dev.greenlight.cli.promotions.PromotionJson.rollback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RollbackFollowerTest {
    private final FakeTime time = new FakeTime();
    private final StringWriter err = new StringWriter();
    private final JsonNode accepted = PromotionJson.parse(rollback("requested", null));

    @Test
    void followsTheRollbackWhileItIsUnderWayThenReadsHowItEnded() {
        FakeTime.Answers environment = new FakeTime.Answers(
                releases("2.0.0", rollback("requested", null)),
                releases("2.0.0", rollback("requested", null)),
                releases("1.0.0", null));
        FakeTime.Answers rollbacks = new FakeTime.Answers(page(rollback("completed", null), rollback("completed", null).replace(
                PromotionJson.ROLLBACK_ID, "01890a40-77aa-7c1e-8a3b-5d2e9f1c0b22")));

        RollbackFollower.Result result = follower(environment, rollbacks, Duration.ofHours(1)).follow(accepted);

        assertThat(result.outcome()).isEqualTo(RollbackFollower.Outcome.RESTORED);
        assertThat(result.rollback().path("state").asString()).isEqualTo("completed");
        assertThat(rollbacks.asked()).as("the list is read once the rollback is no longer under way").isEqualTo(1);
        assertThat(err.toString()).isEqualTo("""
                0s: requested; prod runs 2.0.0
                6s: completed; prod runs 1.0.0 again
                """);
    }

    @Test
    void aFailedRollbackEndsTheWaitWithItsFailure() {
        FakeTime.Answers environment = new FakeTime.Answers(releases("2.0.0", null));
        FakeTime.Answers rollbacks = new FakeTime.Answers(page(rollback("failed", "the deployer answered 500 three times")));

        RollbackFollower.Result result = follower(environment, rollbacks, null).follow(accepted);

        assertThat(result.outcome()).isEqualTo(RollbackFollower.Outcome.FAILED);
        assertThat(err.toString()).isEqualTo("0s: failed: the deployer answered 500 three times\n");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void theWaitRunsOutWhileTheDeployerHasNotAnswered() {
        FakeTime.Answers environment = new FakeTime.Answers(releases("2.0.0", rollback("requested", null)));
        FakeTime.Answers rollbacks = new FakeTime.Answers(page());

        RollbackFollower.Result result = follower(environment, rollbacks, Duration.ofSeconds(5)).follow(accepted);

        assertThat(result.outcome()).isEqualTo(RollbackFollower.Outcome.STILL_RUNNING);
        assertThat(rollbacks.asked()).isZero();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
        assertThat(err.toString()).endsWith("Still requested after 5s, prod runs 2.0.0; the rollback goes on on the server.\n");
    }

    @Test
    void aRollbackTheServerNoLongerKnowsIsAnError() {
        FakeTime.Answers environment = new FakeTime.Answers(releases("2.0.0", null));
        FakeTime.Answers rollbacks = new FakeTime.Answers(page());

        assertThatThrownBy(() -> follower(environment, rollbacks, null).follow(accepted))
                .isInstanceOf(UnreadableAnswerException.class).hasMessageContaining(PromotionJson.ROLLBACK_ID);
        assertThatThrownBy(() -> follower(environment, rollbacks, null).follow(PromotionJson.parse("{}")))
                .isInstanceOf(UnreadableAnswerException.class).hasMessageContaining("no id");
    }

    private RollbackFollower follower(FakeTime.Answers environment, FakeTime.Answers rollbacks, Duration allowed) {
        Supplier<List<JsonNode>> recent = () -> rollbacks.get().path("items").values().stream().toList();
        return new RollbackFollower(environment, recent, time.schedule(Duration.ofSeconds(3), allowed), new PrintWriter(err, true));
    }
}
