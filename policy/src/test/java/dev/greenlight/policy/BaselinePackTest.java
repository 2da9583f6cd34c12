package dev.greenlight.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.greenlight.policy.PackTestReport.CaseResult;

class BaselinePackTest {
    private static final CompiledPack BASELINE = Packs.compile(BaselinePack.yaml());

    @Test
    void isGreenlightBaselineVersionOne() {
        PolicyPack pack = BASELINE.pack();

        assertThat(pack.id()).isEqualTo("greenlight/baseline");
        assertThat(pack.version()).isEqualTo("1.0.0");
        assertThat(pack.rules()).extracting(Rule::id).containsExactly("tests-pass", "quarantined-failures", "line-coverage",
                "no-critical-vulnerabilities", "no-fixable-high-vulnerabilities", "sbom-present", "no-sast-errors",
                "load-test-thresholds", "latency-budget", "provenance-matches");
        assertThat(pack.parameters().get("minLineRatio").defaultValue()).isEqualTo(0.8);
        assertThat(pack.parameters().get("latencyBudgetMs").defaultValue()).isNull();
    }

    @Test
    void passesItsOwnTests() {
        PackTestReport report = PackTestRunner.run(BASELINE);

        assertThat(report.cases()).filteredOn(test -> !test.passed()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void testsEveryRuleWithAPassingAndANonPassingCaseAndMissingEvidence() {
        Map<String, Set<Outcome>> expected = PackTestRunner.run(BASELINE).cases().stream()
                .collect(Collectors.groupingBy(CaseResult::rule, Collectors.mapping(CaseResult::expected,
                        Collectors.toCollection(() -> EnumSet.noneOf(Outcome.class)))));

        for (Rule rule : BASELINE.pack().rules()) {
            assertThat(expected.get(rule.id())).as(rule.id()).contains(Outcome.PASS, Outcome.MISSING_EVIDENCE)
                    .containsAnyOf(Outcome.FAIL, Outcome.ERROR);
        }
    }

    @Test
    void blocksAReleaseWithoutEvidence() {
        Verdict verdict = Verdict.of(BASELINE.evaluate(new EvaluationInput(Map.of(), Map.of("latencyBudgetMs", 500), List.of())), Set.of());

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.score()).isZero();
        assertThat(verdict.blockers()).extracting(RuleResult::ruleId).containsExactly("tests-pass", "line-coverage",
                "no-critical-vulnerabilities", "no-fixable-high-vulnerabilities", "sbom-present", "no-sast-errors",
                "load-test-thresholds", "latency-budget", "provenance-matches");
        assertThat(verdict.blockers().getFirst().missingEvidence()).containsExactly("tests");
    }
}
