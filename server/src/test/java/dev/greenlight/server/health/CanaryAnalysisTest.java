package dev.greenlight.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a canary's numbers against its baseline's make of it, with the default criteria unless a test says otherwise. */
class CanaryAnalysisTest {
    private static final AnalysisCriteria CRITERIA = AnalysisCriteria.DEFAULTS;

    @Test
    void aCanaryAsGoodAsItsBaselinePasses() {
        AnalysisResult result = CanaryAnalysis.compare(sample(10_000, 100, 120.0), sample(1_000, 10, 125.0), CRITERIA, false);

        assertThat(result.outcome()).isEqualTo(AnalysisOutcome.PASS);
        assertThat(result.reasons()).singleElement().asString().contains("1.00 %").contains("within limits");
    }

    @Test
    void anErrorRateIncreasedBeyondTheAllowedIncreaseFailsUnderTheCeiling() {
        // 3 % is under the 5 % ceiling, but three times the baseline's 1 % (at most 1.5 % or half the ceiling, 2.5 %).
        AnalysisResult result = CanaryAnalysis.compare(sample(10_000, 100, null), sample(1_000, 30, null), CRITERIA, false);

        assertThat(result.outcome()).isEqualTo(AnalysisOutcome.FAIL);
        assertThat(result.reasons()).singleElement().asString().contains("3.00 %").contains("1.00 %").contains("allowed increase");
    }

    @Test
    void anErrorRateWithinTheAllowedIncreasePasses() {
        // 4 % against a 3 % baseline: within 50 % more (4.5 %) and under the ceiling.
        assertThat(CanaryAnalysis.compare(sample(10_000, 300, null), sample(1_000, 40, null), CRITERIA, false).outcome())
                .isEqualTo(AnalysisOutcome.PASS);
    }

    @Test
    void aBaselineWithoutErrorsStillAllowsHalfTheCeiling() {
        // 0 % × 1.5 would allow no error at all; the floor of half the 5 % ceiling lets 2 % through and stops 3 %.
        assertThat(CanaryAnalysis.compare(sample(10_000, 0, null), sample(1_000, 20, null), CRITERIA, false).outcome())
                .isEqualTo(AnalysisOutcome.PASS);
        assertThat(CanaryAnalysis.compare(sample(10_000, 0, null), sample(1_000, 30, null), CRITERIA, false).outcome())
                .isEqualTo(AnalysisOutcome.FAIL);
    }

    @Test
    void theCeilingFailsACanaryWithoutABaseline() {
        AnalysisResult noBaseline = CanaryAnalysis.compare(null, sample(1_000, 60, null), CRITERIA, false);
        AnalysisResult firstDeployment = CanaryAnalysis.compare(null, sample(1_000, 60, null), CRITERIA, true);
        AnalysisResult tooSmallBaseline = CanaryAnalysis.compare(sample(10, 0, null), sample(1_000, 60, null), CRITERIA, false);

        for (AnalysisResult result : new AnalysisResult[] {noBaseline, firstDeployment, tooSmallBaseline}) {
            assertThat(result.outcome()).isEqualTo(AnalysisOutcome.FAIL);
            assertThat(result.reasons()).singleElement().asString().contains("6.00 %").contains("ceiling of 5.00 %");
        }
    }

    @Test
    void aFirstDeploymentUnderTheCeilingPasses() {
        AnalysisResult result = CanaryAnalysis.compare(null, sample(1_000, 40, 900.0), CRITERIA, true);

        assertThat(result.outcome()).isEqualTo(AnalysisOutcome.PASS);
        assertThat(result.reasons()).singleElement().asString().startsWith("first deployment");
    }

    @Test
    void tooLittleCanaryTrafficIsInconclusiveWhateverItsErrors() {
        AnalysisResult quiet = CanaryAnalysis.compare(sample(10_000, 100, null), sample(99, 0, null), CRITERIA, false);
        AnalysisResult failingButQuiet = CanaryAnalysis.compare(sample(10_000, 100, null), sample(50, 50, null), CRITERIA, false);
        AnalysisResult noData = CanaryAnalysis.compare(sample(10_000, 100, null), null, CRITERIA, true);

        assertThat(quiet.outcome()).isEqualTo(AnalysisOutcome.INCONCLUSIVE);
        assertThat(quiet.reasons()).singleElement().asString().contains("99 requests").contains("at least 100");
        assertThat(failingButQuiet.outcome()).isEqualTo(AnalysisOutcome.INCONCLUSIVE);
        assertThat(noData.outcome()).isEqualTo(AnalysisOutcome.INCONCLUSIVE);
        assertThat(noData.reasons()).singleElement().asString().contains("no data for the canary").doesNotContain("served");
        assertThat(CanaryAnalysis.compare(sample(10_000, 100, null), sample(0, 0, null), CRITERIA, true).reasons())
                .singleElement().asString().contains("the canary served 0 requests");
    }

    @Test
    void tooLittleBaselineTrafficIsInconclusiveUnlessItIsTheFirstDeployment() {
        AnalysisResult quietBaseline = CanaryAnalysis.compare(sample(99, 0, null), sample(1_000, 10, null), CRITERIA, false);
        AnalysisResult missingBaseline = CanaryAnalysis.compare(null, sample(1_000, 10, null), CRITERIA, false);

        assertThat(quietBaseline.outcome()).isEqualTo(AnalysisOutcome.INCONCLUSIVE);
        assertThat(quietBaseline.reasons()).singleElement().asString().contains("baseline served 99 requests");
        assertThat(missingBaseline.outcome()).isEqualTo(AnalysisOutcome.INCONCLUSIVE);
        assertThat(missingBaseline.reasons()).singleElement().asString().contains("no data for the baseline");
        assertThat(CanaryAnalysis.compare(sample(99, 0, null), sample(1_000, 10, null), CRITERIA, true).outcome()).isEqualTo(AnalysisOutcome.PASS);
    }

    @Test
    void aLatencyIncreaseBeyondTheAllowedIncreaseFails() {
        AnalysisResult slower = CanaryAnalysis.compare(sample(10_000, 0, 100.0), sample(1_000, 0, 151.0), CRITERIA, false);
        AnalysisResult alittleSlower = CanaryAnalysis.compare(sample(10_000, 0, 100.0), sample(1_000, 0, 150.0), CRITERIA, false);

        assertThat(slower.outcome()).isEqualTo(AnalysisOutcome.FAIL);
        assertThat(slower.reasons()).singleElement().asString().contains("151.0 ms").contains("100.0 ms");
        assertThat(alittleSlower.outcome()).isEqualTo(AnalysisOutcome.PASS);
    }

    @Test
    void latencyIsComparedOnlyWhenBothSidesKnowIt() {
        assertThat(CanaryAnalysis.compare(sample(10_000, 0, null), sample(1_000, 0, 5_000.0), CRITERIA, false).outcome())
                .isEqualTo(AnalysisOutcome.PASS);
        assertThat(CanaryAnalysis.compare(sample(10_000, 0, 10.0), sample(1_000, 0, null), CRITERIA, false).outcome())
                .isEqualTo(AnalysisOutcome.PASS);
    }

    @Test
    void everyBreachIsGivenAsAReason() {
        AnalysisResult result = CanaryAnalysis.compare(sample(10_000, 100, 100.0), sample(1_000, 100, 300.0), CRITERIA, false);

        assertThat(result.outcome()).isEqualTo(AnalysisOutcome.FAIL);
        assertThat(result.reasons()).hasSize(3);
        assertThat(result.baseline()).isEqualTo(sample(10_000, 100, 100.0));
        assertThat(result.canary()).isEqualTo(sample(1_000, 100, 300.0));
    }

    @Test
    void criteriaReplaceOnlyTheGivenDefaults() {
        AnalysisCriteria strict = AnalysisCriteria.of(0.1, null, 0.01, 10L);

        assertThat(strict).isEqualTo(new AnalysisCriteria(0.1, 0.5, 0.01, 10));
        assertThat(CanaryAnalysis.compare(sample(100, 0, null), sample(10, 0, null), strict, false).outcome()).isEqualTo(AnalysisOutcome.PASS);
        assertThat(CanaryAnalysis.compare(sample(100, 0, null), sample(10, 0, null), CRITERIA, false).outcome()).isEqualTo(AnalysisOutcome.INCONCLUSIVE);
    }

    private static HealthSample sample(long requests, long errors, Double latencyP95Millis) {
        return new HealthSample(requests, errors, latencyP95Millis);
    }
}
