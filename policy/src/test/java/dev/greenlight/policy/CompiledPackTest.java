package dev.greenlight.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CompiledPackTest {
    private static RuleResult evaluate(String expression, String requires, Map<String, Object> facts) {
        return evaluate(expression, requires, facts, List.of());
    }

    private static RuleResult evaluate(String expression, String requires, Map<String, Object> facts, List<String> quarantine) {
        CompiledPack pack = Packs.compile(Packs.oneRuleInBlock(expression, requires));
        return pack.evaluate(new EvaluationInput(facts, Map.of(), quarantine)).results().getFirst();
    }

    private static Map<String, Object> findings(int count) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            findings.add(Map.of("id", "CVE-2024-" + index, "severity", index % 2 == 0 ? "low" : "medium", "hasFix", false));
        }
        return Map.of("vulns", Map.of("findings", findings, "total", (long) count));
    }

    @Test
    void passesWhenTheExpressionIsTrue() {
        RuleResult result = evaluate("tests.failed == 0", "[tests]", Map.of("tests", Map.of("failed", 0L, "total", 12L)));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.ruleId()).isEqualTo("the-rule");
        assertThat(result.title()).isEqualTo("The rule");
        assertThat(result.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(result.weight()).isEqualTo(1);
        assertThat(result.values()).containsExactly(Map.entry("tests.failed", 0L));
        assertThat(result.missingEvidence()).isEmpty();
        assertThat(result.error()).isNull();
        assertThat(result.remediation()).isEqualTo(new Remediation("Do something.", null));
    }

    @Test
    void failsWhenTheExpressionIsFalseAndShowsEveryValueRead() {
        RuleResult result = evaluate("tests.failed + tests.errors == 0 && size(release.quarantine) >= 0", "[tests]",
                Map.of("tests", Map.of("failed", 2L, "errors", 1L)), List.of("a.B.c"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.values()).containsExactly(Map.entry("tests.failed", 2L), Map.entry("tests.errors", 1L),
                Map.entry("release.quarantine", List.of("a.B.c")));
    }

    @Test
    void lacksEvidenceWhenARequiredFamilyIsAbsentWithoutEvaluating() {
        RuleResult result = evaluate("1 / 0 == 1 || tests.failed == 0", "[tests, coverage]", Map.of("coverage", Map.of()));

        assertThat(result.outcome()).isEqualTo(Outcome.MISSING_EVIDENCE);
        assertThat(result.missingEvidence()).containsExactly("tests");
        assertThat(result.error()).isNull();
    }

    @Test
    void lacksEvidenceWhenAFactOfAPresentFamilyIsAbsentOrNull() {
        Map<String, Object> perf = new HashMap<>();
        perf.put("p95Ms", null);
        perf.put("thresholdsPassed", true);

        RuleResult result = evaluate("perf.thresholdsPassed && perf.p95Ms < 500.0 && perf.p99Ms < 900.0", "[perf]", Map.of("perf", perf));

        assertThat(result.outcome()).isEqualTo(Outcome.MISSING_EVIDENCE);
        assertThat(result.missingEvidence()).containsExactly("perf.p95Ms", "perf.p99Ms");
        assertThat(result.values()).containsExactly(Map.entry("perf.thresholdsPassed", true));
    }

    @Test
    void reportsARuntimeErrorWithItsPosition() {
        RuleResult division = evaluate("100 / tests.failed > 1", "[tests]", Map.of("tests", Map.of("failed", 0L)));
        RuleResult missingKey = evaluate("vulns.findings.exists(f, f.fixedVersion != '')", "[vulns]",
                Map.of("vulns", Map.of("findings", List.of(Map.of("id", "CVE-1", "severity", "high")))));

        assertThat(division.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(division.error()).isEqualTo("/ by zero (expression 1:5)");
        assertThat(missingKey.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(missingKey.error()).startsWith("key 'fixedVersion' is not present in map.");
    }

    @Test
    void reportsIntegerOverflowAsAnError() {
        RuleResult result = evaluate("tests.total * tests.total > 0", "[tests]", Map.of("tests", Map.of("total", Long.MAX_VALUE)));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.error()).contains("overflow");
    }

    @Test
    void stopsANestedComprehensionOverABigListAtTheCostLimit() {
        RuleResult result = evaluate("vulns.findings.all(a, vulns.findings.all(b, a.id != b.id || a.severity == b.severity))", "[vulns]",
                findings(2_000));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.error()).startsWith("cost limit exceeded");
    }

    @Test
    void stopsAFilterThatKeepsManyItemsAtTheCostLimit() {
        RuleResult result = evaluate("vulns.findings.filter(f, true).filter(f, true).size() == 0 || "
                + "vulns.findings.filter(f, f.severity != 'x').size() > 0", "[vulns]", findings(10_000));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.error()).startsWith("cost limit exceeded");
    }

    @Test
    void evaluatesAComprehensionOverThousandsOfFindingsWithinTheLimits() {
        RuleResult result = evaluate("!vulns.findings.exists(f, f.severity == 'critical' && !f.hasFix)", "[vulns]", findings(10_000));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat((List<?>) result.values().get("vulns.findings")).as("lists cut to 20 items").hasSize(20);
    }

    @Test
    void reportsAFactOfTheWrongTypeAsAnError() {
        RuleResult result = evaluate("tests.failed == 0", "[tests]", Map.of("tests", Map.of("failed", "none")));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.error()).isEqualTo("fact tests.failed is a string, not int");
    }

    @Test
    void reportsAFamilyThatIsNotAMapAsAnError() {
        RuleResult result = evaluate("coverage.lines.ratio > 0.5", "[coverage]", Map.of("coverage", Map.of("lines", 0.9)));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.error()).isEqualTo("coverage.lines is a number, not a map of facts");
    }

    @Test
    void acceptsNumbersAsJsonReadersGiveThem() {
        Map<String, Object> facts = Map.of(
                "tests", Map.of("failed", 0, "durationSeconds", 12),
                "coverage", Map.of("lines", Map.of("ratio", new BigDecimal("0.85"))),
                "vulns", Map.of("findings", List.of(Map.of("id", "CVE-1", "cvss", 9))));

        RuleResult result = evaluate("tests.failed == 0 && tests.durationSeconds < 13.0 && coverage.lines.ratio > 0.8 "
                + "&& vulns.findings.all(f, f.cvss == 9)", "[tests, coverage, vulns]", facts);

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.values()).containsEntry("tests.failed", 0L).containsEntry("tests.durationSeconds", 12.0)
                .containsEntry("coverage.lines.ratio", 0.85);
        assertThat(result.values().get("vulns.findings")).isEqualTo(List.of(Map.of("id", "CVE-1", "cvss", 9L)));
    }

    @Test
    void readsNullsInsideFactsAsCelNull() {
        Map<String, Object> subject = new HashMap<>();
        subject.put("name", "app.jar");
        subject.put("matchedArtifact", null);

        RuleResult result = evaluate("provenance.subjects.exists(s, s.matchedArtifact == null) && provenance.subjects[0]['name'] == 'app.jar'",
                "[provenance]", Map.of("provenance", Map.of("subjects", List.of(subject))));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.values().get("provenance.subjects")).isEqualTo(List.of(subject));
    }

    @Test
    void treatsFactMapsAsMapsInEveryCelOperation() {
        Map<String, Object> finding = Map.of("id", "CVE-1", "package", "log4j-core", "aliases", List.of("GHSA-1"));

        RuleResult result = evaluate("vulns.findings.all(f, f['package'] == 'log4j-core' && 'id' in f && size(f) == 3 "
                + "&& has(f.aliases) && !has(f.fixedVersion) && f == {'id': 'CVE-1', 'package': 'log4j-core', 'aliases': ['GHSA-1']} "
                + "&& f.aliases.exists(a, a.startsWith('GHSA')))", "[vulns]", Map.of("vulns", Map.of("findings", List.of(finding))));

        assertThat(result.outcome()).as(String.valueOf(result.error())).isEqualTo(Outcome.PASS);
    }

    @Test
    void usesDeclaredDefaultsAndEnvironmentValuesForParameters() {
        String yaml = """
                id: test/params
                version: 0.1.0
                parameters:
                  minLineRatio: {type: double, default: 0.8}
                  budget: {type: double}
                rules:
                  - id: coverage
                    title: Coverage
                    expression: coverage.lines.ratio >= params.minLineRatio
                    severity: blocker
                    requires: [coverage]
                    remediation: Test more.
                  - id: latency
                    title: Latency
                    expression: perf.p95Ms <= params.budget
                    severity: warning
                    requires: [perf]
                    remediation: Be faster.
                """;
        CompiledPack pack = Packs.compile(yaml);
        Map<String, Object> facts = Map.of("coverage", Map.of("lines", Map.of("ratio", 0.75)), "perf", Map.of("p95Ms", 250.0));

        List<RuleResult> defaults = pack.evaluate(new EvaluationInput(facts, Map.of(), List.of())).results();
        List<RuleResult> set = pack.evaluate(new EvaluationInput(facts, Map.of("minLineRatio", 0.7, "budget", 300), List.of())).results();
        List<RuleResult> mistyped = pack.evaluate(new EvaluationInput(facts, Map.of("budget", "fast"), List.of())).results();

        assertThat(defaults).extracting(RuleResult::outcome).containsExactly(Outcome.FAIL, Outcome.ERROR);
        assertThat(defaults.get(0).values()).containsEntry("params.minLineRatio", 0.8);
        assertThat(defaults.get(1).error()).isEqualTo("parameter budget is not set: give it a value for the environment, or a default in the pack");
        assertThat(set).extracting(RuleResult::outcome).containsExactly(Outcome.PASS, Outcome.PASS);
        assertThat(set.get(1).values()).containsEntry("params.budget", 300.0);
        assertThat(mistyped.get(1).error()).isEqualTo("parameter budget is a string, not double");
    }

    @Test
    void evaluatesRulesInPackOrder() {
        CompiledPack pack = Packs.compile(BaselinePack.yaml());

        List<RuleResult> results = pack.evaluate(new EvaluationInput(Map.of(), Map.of(), List.of())).results();

        assertThat(results).extracting(RuleResult::ruleId).containsExactlyElementsOf(pack.pack().rules().stream().map(Rule::id).toList());
    }
}
