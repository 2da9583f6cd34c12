package dev.greenlight.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.policy.PolicyException.Problem;

class PolicyPackParserTest {
    private static final String VALID = """
            id: acme/release-gates
            version: 2.1.0-rc.1+build.7
            description: Acme's gates.
            parameters:
              maxHigh:
                type: int
                default: 0
                description: High vulnerabilities allowed.
              minRatio:
                type: double
                default: 1
            rules:
              - id: few-highs
                title: Few high vulnerabilities
                expression: vulns.bySeverity.high <= params.maxHigh
                severity: warning
                weight: 7
                requires: [vulns]
                remediation:
                  text: Upgrade.
                  link: https://example.com/highs
              - id: coverage
                title: Coverage
                expression: coverage.lines.ratio >= params.minRatio
                severity: blocker
                requires: [coverage]
                remediation: Write tests.
            tests:
              - name: one high is too many by default
                facts:
                  vulns: {bySeverity: {high: 1}}
                parameters: {maxHigh: 0}
                quarantine: [a.B.c]
                expect:
                  few-highs: fail
                  coverage: missing-evidence
            """;

    private static List<Problem> problems(String yaml) {
        try {
            PolicyPackParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "pack.yaml");
        } catch (PolicyException e) {
            assertThat(e.sourceName()).isEqualTo("pack.yaml");
            assertThat(e.getMessage()).startsWith("pack.yaml: ");
            return e.problems();
        }
        throw new AssertionError("the pack parsed");
    }

    private static Problem onlyProblem(String yaml) {
        List<Problem> problems = problems(yaml);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @Test
    void readsEveryPartOfAPack() {
        PolicyPack pack = Packs.parse(VALID);

        assertThat(pack.id()).isEqualTo("acme/release-gates");
        assertThat(pack.version()).isEqualTo("2.1.0-rc.1+build.7");
        assertThat(pack.description()).isEqualTo("Acme's gates.");
        assertThat(pack.parameters()).containsOnlyKeys("maxHigh", "minRatio");
        assertThat(pack.parameters().get("maxHigh")).isEqualTo(new ParameterDeclaration("maxHigh", FactType.INT, 0L, "High vulnerabilities allowed."));
        assertThat(pack.parameters().get("minRatio").defaultValue()).as("an integer default of a double").isEqualTo(1.0);
        assertThat(pack.rules()).containsExactly(
                new Rule("few-highs", "Few high vulnerabilities", "vulns.bySeverity.high <= params.maxHigh", Severity.WARNING, 7,
                        List.of("vulns"), new Remediation("Upgrade.", "https://example.com/highs")),
                new Rule("coverage", "Coverage", "coverage.lines.ratio >= params.minRatio", Severity.BLOCKER, 1, List.of("coverage"),
                        new Remediation("Write tests.", null)));
        PackTest test = pack.tests().getFirst();
        assertThat(test.name()).isEqualTo("one high is too many by default");
        assertThat(test.facts()).isEqualTo(Map.of("vulns", Map.of("bySeverity", Map.of("high", 1L))));
        assertThat(test.parameters()).isEqualTo(Map.of("maxHigh", 0L));
        assertThat(test.quarantine()).containsExactly("a.B.c");
        assertThat(test.expect()).containsExactly(Map.entry("few-highs", Outcome.FAIL), Map.entry("coverage", Outcome.MISSING_EVIDENCE));
    }

    @Test
    void fingerprintsTheBytesAsGiven() {
        PolicyPack pack = Packs.parse(VALID);
        PolicyPack withComment = Packs.parse("# a comment\n" + VALID);

        assertThat(pack.sha256()).matches("[0-9a-f]{64}").isNotEqualTo(withComment.sha256());
        assertThat(pack.sha256()).isEqualTo(PackReader.sha256(VALID.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsUnknownKeysWithTheirPosition() {
        List<Problem> problems = problems(VALID.replace("description: Acme's gates.", "descripton: Acme's gates.")
                .replace("    weight: 7", "    wieght: 7")
                .replace("      link: https", "      url: https"));

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "line 3:1: the pack has the unknown key 'descripton' (allowed: description, id, parameters, rules, tests, version)",
                "rule few-highs, line 17:5: rule few-highs has the unknown key 'wieght' (allowed: expression, id, remediation, requires, "
                        + "severity, title, weight)",
                "rule few-highs, line 21:7: the remediation has the unknown key 'url' (allowed: link, text)");
    }

    @Test
    void rejectsDuplicateRuleIds() {
        Problem problem = onlyProblem(VALID.replace("  - id: coverage", "  - id: few-highs").replace("coverage: missing-evidence", ""));

        assertThat(problem.rule()).isEqualTo("few-highs");
        assertThat(problem.message()).isEqualTo("duplicate rule id 'few-highs'");
        assertThat(problem.line()).isEqualTo(22);
    }

    @Test
    void rejectsDuplicateYamlKeys() {
        Problem problem = onlyProblem(VALID.replace("    severity: warning\n", "    severity: warning\n    severity: blocker\n"));

        assertThat(problem.message()).isEqualTo("duplicate key 'severity' (first at line 16)");
        assertThat(problem.line()).isEqualTo(17);
        assertThat(problem.column()).isEqualTo(5);
    }

    @Test
    void rejectsUnknownEnumValues() {
        List<Problem> problems = problems(VALID.replace("severity: warning", "severity: critical")
                .replace("few-highs: fail", "few-highs: failed")
                .replace("type: int", "type: integer"));

        assertThat(problems).extracting(Problem::message).containsExactly(
                "parameter maxHigh has the unknown type 'integer' (one of bool, int, double, string, list(string), list(map), list, map)",
                "severity 'critical' is neither blocker nor warning",
                "test one high is too many by default expects 'failed'; an expected outcome is pass, fail, missing-evidence or error");
    }

    @Test
    void rejectsATestThatExpectsAnUnknownRule() {
        Problem problem = onlyProblem(VALID.replace("      coverage: missing-evidence", "      coverge: missing-evidence"));

        assertThat(problem.toString()).isEqualTo("line 36:7: test one high is too many by default expects an outcome of the unknown rule 'coverge'");
    }

    @Test
    void rejectsAWaivedExpectationSinceTestsHaveNoWaivers() {
        assertThat(onlyProblem(VALID.replace("few-highs: fail", "few-highs: waived")).message()).contains("expects 'waived'");
    }

    @Test
    void rejectsMalformedIdsAndVersions() {
        List<Problem> problems = problems(VALID.replace("id: acme/release-gates", "id: Acme/Release Gates")
                .replace("version: 2.1.0-rc.1+build.7", "version: '2.1'")
                .replace("id: few-highs", "id: Few_Highs").replace("few-highs: fail", "Few_Highs: fail"));

        assertThat(problems).extracting(Problem::message).containsExactly(
                "the pack id 'Acme/Release Gates' must be lowercase segments of a-z, 0-9 and '-', separated by '/' (e.g. greenlight/baseline)",
                "the pack version '2.1' is not a semantic version (e.g. 1.0.0)",
                "the rule id 'Few_Highs' must be 1 to 100 characters of a-z, 0-9 and '-'");
    }

    @Test
    void rejectsAVersionWrittenAsANumber() {
        assertThat(onlyProblem(VALID.replace("version: 2.1.0-rc.1+build.7", "version: 2.1")).message())
                .isEqualTo("version of the pack must be a string, not a number");
    }

    @Test
    void rejectsWeightsOutsideZeroToHundred() {
        assertThat(onlyProblem(VALID.replace("weight: 7", "weight: 101")).message()).isEqualTo("weight is an integer from 0 to 100, not 101");
        assertThat(onlyProblem(VALID.replace("weight: 7", "weight: 1.5")).message()).isEqualTo("weight is an integer from 0 to 100, not 1.5");
    }

    @Test
    void rejectsUnknownAndRepeatedFamilies() {
        List<Problem> problems = problems(VALID.replace("requires: [vulns]", "requires: [vulns, vulnerabilities, vulns]"));

        assertThat(problems).extracting(Problem::message).containsExactly(
                "requires the unknown family 'vulnerabilities' (families: tests, coverage, sbom, vulns, sast, perf, vex, provenance)",
                "requires lists 'vulns' twice");
    }

    @Test
    void rejectsMissingRequiredKeys() {
        List<Problem> problems = problems("""
                id: a/b
                rules:
                  - id: r
                    expression: 'true'
                """);

        assertThat(problems).extracting(Problem::message).containsExactly("the pack has no version", "rule r has no title",
                "rule r has no severity", "rule r has no remediation");
    }

    @Test
    void rejectsAPackWithoutRules() {
        assertThat(onlyProblem("id: a/b\nversion: 1.0.0\nrules: []\n").message()).isEqualTo("a pack has at least one rule");
    }

    @Test
    void rejectsTestFactsOfUnknownFamiliesAndUndeclaredOrMistypedParameters() {
        List<Problem> problems = problems(VALID.replace("      vulns: {bySeverity: {high: 1}}", "      vuln: {bySeverity: {high: 1}}")
                .replace("parameters: {maxHigh: 0}", "parameters: {maxHigh: 'none', minimum: 3}"));

        assertThat(problems).extracting(Problem::message).containsExactly(
                "test one high is too many by default has facts of the unknown family 'vuln' (families: tests, coverage, sbom, vulns, "
                        + "sast, perf, vex, provenance)",
                "test one high is too many by default sets parameter maxHigh to a string, not int",
                "test one high is too many by default sets the undeclared parameter 'minimum'");
    }

    @Test
    void rejectsADefaultOfTheWrongType() {
        assertThat(onlyProblem(VALID.replace("default: 0", "default: 'zero'")).message())
                .isEqualTo("the default of parameter maxHigh is a string, not int");
    }

    @Test
    void rejectsARemediationLinkThatIsNotAWebAddress() {
        assertThat(onlyProblem(VALID.replace("link: https://example.com/highs", "link: javascript:alert(1)")).message())
                .isEqualTo("the remediation link 'javascript:alert(1)' is not an http(s) URL");
    }

    @Test
    void rejectsAnchorsAndAliasesSoNoExpansionBombCanHappen() {
        String bomb = """
                id: a/b
                version: 1.0.0
                description: &a "lol"
                rules: [*a, *a, *a]
                """;

        Problem problem = onlyProblem(bomb);

        assertThat(problem.message()).isEqualTo("YAML aliases (*a) are not allowed in a pack");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(onlyProblem("id: a/b\nversion: 1.0.0\nparameters: &p {}\nrules: []\n").message())
                .isEqualTo("YAML anchors (&p) are not allowed in a pack");
    }

    @Test
    void rejectsAPackOverOneMebibyte() {
        String large = VALID + "# " + "x".repeat(YamlTreeReader.MAX_BYTES) + "\n";

        assertThat(onlyProblem(large).message()).contains("packs are limited to 1048576 bytes (1 MiB)");
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "id: a/b\nversion: 1.0.0\ndescription: " + "[".repeat(100) + "]".repeat(100) + "\n";

        assertThat(onlyProblem(deep).message()).startsWith("not valid YAML: ").contains("nesting depth");
    }

    @Test
    void rejectsMoreThanOneDocument() {
        assertThat(onlyProblem(VALID + "---\nid: x/y\n").message()).isEqualTo("a pack is one YAML document; found more after the first");
    }

    @Test
    void rejectsYamlThatDoesNotParseWithItsPosition() {
        Problem problem = onlyProblem("id: a/b\nversion: 1.0.0\nrules:\n  - id: [unclosed\n");

        assertThat(problem.message()).startsWith("not valid YAML: ");
        assertThat(problem.line()).isNotNull();
    }

    @Test
    void rejectsAnEmptyFileAndADocumentThatIsNotAMapping() {
        assertThat(onlyProblem("").message()).isEqualTo("the pack is empty");
        assertThat(onlyProblem("- a\n- b\n").message()).isEqualTo("a pack is a mapping with id, version, rules…, not a list");
    }

    @Test
    void reportsEveryProblemOfAPackAtOnce() {
        List<Problem> problems = problems(VALID.replace("severity: warning", "severity: major")
                .replace("severity: blocker", "severity: minor"));

        assertThat(problems).extracting(Problem::rule).containsExactly("few-highs", "coverage");
    }
}
