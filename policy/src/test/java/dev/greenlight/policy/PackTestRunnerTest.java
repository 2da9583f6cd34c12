package dev.greenlight.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.policy.PackTestReport.CaseResult;

class PackTestRunnerTest {
    private static final String PACK = """
            id: test/runner
            version: 1.0.0
            parameters:
              maxFailed: {type: int, default: 0}
            rules:
              - id: few-failures
                title: Few failures
                expression: tests.failed <= params.maxFailed
                severity: blocker
                requires: [tests]
                remediation: Fix the tests.
              - id: divides
                title: Divides
                expression: 10 / tests.failed >= 1
                severity: warning
                requires: [tests]
                remediation: Do not divide by zero.
            tests:
              - name: one failure is one too many
                facts: {tests: {failed: 1}}
                expect: {few-failures: fail, divides: pass}
              - name: a raised limit lets it through
                facts: {tests: {failed: 1}}
                parameters: {maxFailed: 1}
                expect: {few-failures: fail}
              - name: no tests, no verdict
                expect: {few-failures: missing-evidence, divides: pass}
              - name: zero failures divide by zero
                facts: {tests: {failed: 0}}
                expect: {divides: error}
            """;

    @Test
    void comparesEveryExpectationAndKeepsGoingAfterAFailingCase() {
        PackTestReport report = PackTestRunner.run(Packs.compile(PACK));

        assertThat(report.passed()).isFalse();
        assertThat(report.cases()).containsExactly(
                new CaseResult("one failure is one too many", "few-failures", Outcome.FAIL, Outcome.FAIL, null),
                new CaseResult("one failure is one too many", "divides", Outcome.PASS, Outcome.PASS, null),
                new CaseResult("a raised limit lets it through", "few-failures", Outcome.FAIL, Outcome.PASS, null),
                new CaseResult("no tests, no verdict", "few-failures", Outcome.MISSING_EVIDENCE, Outcome.MISSING_EVIDENCE, "missing tests"),
                new CaseResult("no tests, no verdict", "divides", Outcome.PASS, Outcome.MISSING_EVIDENCE, "missing tests"),
                new CaseResult("zero failures divide by zero", "divides", Outcome.ERROR, Outcome.ERROR, "/ by zero (expression 1:4)"));
        assertThat(report.cases()).filteredOn(test -> !test.passed()).extracting(CaseResult::test)
                .containsExactly("a raised limit lets it through", "no tests, no verdict");
    }

    @Test
    void passesWhenEveryExpectationHolds() {
        PackTestReport report = PackTestRunner.run(Packs.compile(PACK
                .replace("expect: {few-failures: fail}", "expect: {few-failures: pass}")
                .replace("expect: {few-failures: missing-evidence, divides: pass}", "expect: {few-failures: missing-evidence}")));

        assertThat(report.passed()).isTrue();
        assertThat(report.cases()).hasSize(5).allMatch(CaseResult::passed);
    }

    @Test
    void aPackWithoutTestsPassesVacuously() {
        PackTestReport report = PackTestRunner.run(Packs.compile(Packs.oneRuleInBlock("true", "[]")));

        assertThat(report.cases()).isEmpty();
        assertThat(report.passed()).isTrue();
    }
}
