package dev.greenlight.cli.promotions;

import static dev.greenlight.cli.promotions.PromotionJson.canary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromotionFollowerTest {
    private final FakeTime time = new FakeTime();
    private final StringWriter err = new StringWriter();

    @Test
    void printsOneLinePerChangeAndEndsWhenThePromotionIsPromoted() {
        FakeTime.Answers answers = new FakeTime.Answers(
                canary("awaiting-approvals", 1, 1, null, null),
                canary("deploying", 1, 1, null, null),
                canary("deploying", 1, 1, null, null),
                canary("analysing", 1, 1, "inconclusive", null),
                canary("analysing", 1, 1, "pass", null),
                canary("deploying", 2, 5, "pass", null),
                canary("promoted", 4, 100, "pass", "2025-06-01T12:30:00Z"));

        PromotionFollower.Result result = follower(answers, Duration.ofSeconds(5), Duration.ofHours(1)).follow();

        assertThat(result.timedOut()).isFalse();
        assertThat(result.progress().promoted()).isTrue();
        assertThat(answers.asked()).isEqualTo(7);
        assertThat(err.toString()).isEqualTo("""
                0s: awaiting-approvals
                5s: deploying, step 1 of 4 (1%)
                15s: analysing, step 1 of 4 (1%), last analysis inconclusive
                20s: analysing, step 1 of 4 (1%), last analysis pass
                25s: deploying, step 2 of 4 (5%), last analysis pass
                30s: promoted
                """);
        assertThat(time.sleeps()).hasSize(6).containsOnly(Duration.ofSeconds(5));
    }

    @Test
    void endsOnARollbackWithoutPromoting() {
        FakeTime.Answers answers = new FakeTime.Answers(
                canary("analysing", 3, 25, "fail", null),
                canary("rolling-back", 3, 25, "fail", null),
                canary("rolled-back", 3, 25, "fail", "2025-06-01T12:40:00Z"));

        PromotionFollower.Result result = follower(answers, Duration.ofSeconds(2), null).follow();

        assertThat(result.timedOut()).isFalse();
        assertThat(result.progress().finished()).isTrue();
        assertThat(result.progress().promoted()).isFalse();
        assertThat(result.promotion().path("state").asString()).isEqualTo("rolled-back");
        assertThat(err.toString()).endsWith("4s: rolled-back, step 3 of 4 (25%), last analysis fail\n");
    }

    @Test
    void looksALastTimeAtTheDeadlineThenSaysThePromotionGoesOn() {
        FakeTime.Answers answers = new FakeTime.Answers(canary("awaiting-approvals", 1, 1, null, null));

        PromotionFollower.Result result = follower(answers, Duration.ofSeconds(4), Duration.ofSeconds(10)).follow();

        assertThat(result.timedOut()).isTrue();
        assertThat(result.progress().finished()).isFalse();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
        assertThat(answers.asked()).as("at 0s, 4s, 8s and at the deadline").isEqualTo(4);
        assertThat(err.toString()).isEqualTo("""
                0s: awaiting-approvals
                Still awaiting-approvals after 10s; the promotion goes on on the server.
                """);
    }

    @Test
    void aStateItDoesNotKnowEndsTheWaitWhenTheServerSaysThePromotionFinished() {
        FakeTime.Answers answers = new FakeTime.Answers(
                canary("paused", 2, 5, null, null),
                canary("superseded", 2, 5, null, "2025-06-01T12:40:00Z"));

        PromotionFollower.Result result = follower(answers, Duration.ofSeconds(1), Duration.ofMinutes(1)).follow();

        assertThat(result.progress().finished()).isTrue();
        assertThat(result.progress().promoted()).isFalse();
        assertThat(err.toString()).contains("0s: paused\n", "1s: superseded\n");
    }

    @Test
    void anAnswerWithoutStateIsAnErrorNotAnOutcome() {
        FakeTime.Answers answers = new FakeTime.Answers("{\"id\":\"x\"}");

        assertThatThrownBy(() -> follower(answers, Duration.ofSeconds(1), null).follow())
                .isInstanceOf(UnreadableAnswerException.class).hasMessageContaining("no state");
    }

    @Test
    void anInterruptedWaitIsAnErrorThatSaysThePromotionGoesOn() {
        FakeTime.Answers answers = new FakeTime.Answers(canary("deploying", 1, 1, null, null));
        FollowSchedule interrupted = new FollowSchedule(Duration.ofSeconds(1), null, System::nanoTime, duration -> {
            throw new InterruptedException();
        });

        try {
            assertThatThrownBy(() -> new PromotionFollower(answers, interrupted, new PrintWriter(err)).follow())
                    .isInstanceOf(WaitInterruptedException.class).hasMessageContaining("goes on on the server");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private PromotionFollower follower(FakeTime.Answers answers, Duration interval, Duration allowed) {
        return new PromotionFollower(answers, time.schedule(interval, allowed), new PrintWriter(err, true));
    }
}
