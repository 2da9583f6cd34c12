package dev.greenlight.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VerdictTest {
    private static RuleResult result(String id, Severity severity, int weight, Outcome outcome) {
        return new RuleResult(id, id, severity, weight, outcome, Map.of(), List.of(), outcome == Outcome.ERROR ? "broken" : null,
                new Remediation("Fix " + id + ".", null));
    }

    @Test
    void isReadyWhenNoBlockerFailsLacksEvidenceOrErrs() {
        Evaluation evaluation = new Evaluation(List.of(
                result("a", Severity.BLOCKER, 10, Outcome.PASS),
                result("b", Severity.WARNING, 5, Outcome.FAIL),
                result("c", Severity.WARNING, 5, Outcome.ERROR)));

        Verdict verdict = Verdict.of(evaluation, Set.of());

        assertThat(verdict.ready()).isTrue();
        assertThat(verdict.blockers()).isEmpty();
        assertThat(verdict.score()).isEqualTo(50);
    }

    @Test
    void isBlockedByEachBlockerThatIsNotPassedInPackOrder() {
        Evaluation evaluation = new Evaluation(List.of(
                result("fails", Severity.BLOCKER, 1, Outcome.FAIL),
                result("passes", Severity.BLOCKER, 1, Outcome.PASS),
                result("errs", Severity.BLOCKER, 1, Outcome.ERROR),
                result("lacks", Severity.BLOCKER, 1, Outcome.MISSING_EVIDENCE)));

        Verdict verdict = Verdict.of(evaluation, Set.of());

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.blockers()).extracting(RuleResult::ruleId).containsExactly("fails", "errs", "lacks");
        assertThat(verdict.score()).isEqualTo(25);
    }

    @Test
    void waivesFailuresAndMissingEvidenceButNeverErrors() {
        Evaluation evaluation = new Evaluation(List.of(
                result("fails", Severity.BLOCKER, 20, Outcome.FAIL),
                result("lacks", Severity.BLOCKER, 20, Outcome.MISSING_EVIDENCE),
                result("errs", Severity.BLOCKER, 20, Outcome.ERROR),
                result("passes", Severity.BLOCKER, 40, Outcome.PASS)));

        Verdict verdict = Verdict.of(evaluation, Set.of("fails", "lacks", "errs", "passes", "unknown"));

        assertThat(verdict.results()).extracting(RuleResult::outcome)
                .containsExactly(Outcome.WAIVED, Outcome.WAIVED, Outcome.ERROR, Outcome.PASS);
        assertThat(verdict.blockers()).extracting(RuleResult::ruleId).containsExactly("errs");
        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.score()).isEqualTo(80);
        assertThat(verdict.results().getFirst().remediation()).isEqualTo(new Remediation("Fix fails.", null));
    }

    @Test
    void isReadyOnceEveryFailingBlockerIsWaived() {
        Evaluation evaluation = new Evaluation(List.of(result("fails", Severity.BLOCKER, 3, Outcome.FAIL)));

        Verdict verdict = Verdict.of(evaluation, Set.of("fails"));

        assertThat(verdict.ready()).isTrue();
        assertThat(verdict.score()).isEqualTo(100);
    }

    @Test
    void roundsTheScoreHalfUp() {
        Evaluation evaluation = new Evaluation(List.of(
                result("a", Severity.WARNING, 1, Outcome.PASS),
                result("b", Severity.WARNING, 1, Outcome.FAIL),
                result("c", Severity.WARNING, 6, Outcome.FAIL)));
        Evaluation twoThirds = new Evaluation(List.of(
                result("a", Severity.WARNING, 2, Outcome.PASS),
                result("b", Severity.WARNING, 1, Outcome.FAIL)));

        assertThat(Verdict.of(evaluation, Set.of()).score()).as("12.5 rounds to 13").isEqualTo(13);
        assertThat(Verdict.of(twoThirds, Set.of()).score()).as("66.7 rounds to 67").isEqualTo(67);
    }

    @Test
    void scoresOneHundredWhenEveryWeightIsZero() {
        Evaluation evaluation = new Evaluation(List.of(result("a", Severity.WARNING, 0, Outcome.FAIL)));

        assertThat(Verdict.of(evaluation, Set.of()).score()).isEqualTo(100);
        assertThat(Verdict.of(new Evaluation(List.of()), Set.of()).score()).isEqualTo(100);
        assertThat(Verdict.of(new Evaluation(List.of()), Set.of()).ready()).isTrue();
    }
}
