package dev.greenlight.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.policy.PolicyException.Problem;

class PolicyCompilerTest {
    private static List<Problem> compileProblems(String yaml) {
        PolicyPack pack = Packs.parse(yaml);
        try {
            new PolicyCompiler().compile(pack);
        } catch (PolicyException e) {
            return e.problems();
        }
        throw new AssertionError("the pack compiled");
    }

    private static Problem onlyProblem(String yaml) {
        List<Problem> problems = compileProblems(yaml);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @Test
    void rejectsUnknownFact() {
        Problem problem = onlyProblem(Packs.oneRule("tests.faild == 0", "[tests]"));

        assertThat(problem.rule()).isEqualTo("the-rule");
        assertThat(problem.message()).isEqualTo("expression 1:1: unknown fact 'tests.faild' (docs/facts.md lists the facts of tests)");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(17);
    }

    @Test
    void rejectsUndeclaredParameterAndUnknownName() {
        List<Problem> problems = compileProblems(Packs.oneRule("params.minimum > 0 && releases.size() > 0", "[]"));

        assertThat(problems).extracting(Problem::message).containsExactly(
                "expression 1:1: undeclared parameter 'params.minimum' (declared: none)",
                "expression 1:23: unknown name 'releases.size'");
    }

    @Test
    void rejectsATypeError() {
        Problem problem = onlyProblem(Packs.oneRule("\"tests.failed == 'none'\"", "[tests]"));

        assertThat(problem.message()).startsWith("expression 1:14: found no matching overload for '_==_' applied to '(int, string)'");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).as("inside the quotes").isEqualTo(17 + 1 + 13);
    }

    @Test
    void rejectsAnExpressionThatIsNotBool() {
        Problem problem = onlyProblem(Packs.oneRule("tests.failed + tests.errors", "[tests]"));

        assertThat(problem.message()).isEqualTo("expression 1:14: the expression gives int; a rule's expression must give bool");
    }

    @Test
    void rejectsReadingAFamilyTheRuleDoesNotRequire() {
        Problem problem = onlyProblem(Packs.oneRule("tests.failed == 0 && vulns.bySeverity.critical == 0", "[tests]"));

        assertThat(problem.message()).isEqualTo("expression 1:22: reads vulns.bySeverity.critical but 'vulns' is not in the rule's "
                + "requires, so missing vulns evidence would not be reported as missing");
        assertThat(problem.column()).isEqualTo(17 + 21);
    }

    @Test
    void rejectsASyntaxErrorAtItsPositionInALiteralBlock() {
        String yaml = """
                id: test/one
                version: 0.1.0
                rules:
                  - id: broken
                    title: Broken
                    expression: |
                      tests.failed == 0
                        && tests.errors = 0
                    severity: blocker
                    requires: [tests]
                    remediation: Fix it.
                """;

        List<Problem> problems = compileProblems(yaml);

        assertThat(problems).isNotEmpty();
        Problem first = problems.getFirst();
        assertThat(first.rule()).isEqualTo("broken");
        assertThat(first.message()).startsWith("expression 2:19: ");
        assertThat(first.line()).isEqualTo(8);
        assertThat(first.column()).isEqualTo(7 + 18);
    }

    @Test
    void reportsEveryRulesErrorsAtOnce() {
        String yaml = """
                id: test/two
                version: 0.1.0
                rules:
                  - id: first
                    title: First
                    expression: tests.nope
                    severity: blocker
                    requires: [tests]
                    remediation: Fix it.
                  - id: fine
                    title: Fine
                    expression: tests.failed == 0
                    severity: blocker
                    requires: [tests]
                    remediation: Fix it.
                  - id: second
                    title: Second
                    expression: sast.byLevel.error == 'x'
                    severity: warning
                    requires: [sast]
                    remediation: Fix it.
                """;

        assertThat(compileProblems(yaml)).extracting(Problem::rule).containsExactly("first", "second");
    }

    @Test
    void positionsProblemsInsideTheExpressionForAPackBuiltInCode() {
        Rule rule = new Rule("coded", "Coded", "coverage.lines.ratio >= 'high'", Severity.BLOCKER, 1, List.of("coverage"),
                new Remediation("Fix it.", null));
        PolicyPack pack = new PolicyPack("test/coded", "1.0.0", "", Map.of(), List.of(rule), List.of(), "0".repeat(64));

        assertThatThrownBy(() -> new PolicyCompiler().compile(pack)).isInstanceOfSatisfying(PolicyException.class, e -> {
            Problem problem = e.problems().getFirst();
            assertThat(problem.rule()).isEqualTo("coded");
            assertThat(problem.line()).isNull();
            assertThat(problem.column()).isNull();
            assertThat(problem.message()).startsWith("expression 1:22: found no matching overload for '_>=_'");
        });
    }

    @Test
    void typesParametersAsDeclared() {
        String yaml = """
                id: test/params
                version: 0.1.0
                parameters:
                  budget: {type: double, default: 500}
                  allowed: {type: list(string), default: [MIT]}
                  limits: {type: map}
                rules:
                  - id: typed
                    title: Typed
                    expression: >-
                      perf.p95Ms <= params.budget && sbom.licenses.all(l, l in params.allowed)
                      && vulns.bySeverity.high <= params.limits.high
                    severity: blocker
                    requires: [perf, sbom, vulns]
                    remediation: Fix it.
                """;

        CompiledPack pack = Packs.compile(yaml);

        assertThat(pack.pack().parameters().get("budget").defaultValue()).isEqualTo(500.0);
        assertThat(compileProblems(yaml.replace("l in params.allowed", "l > params.allowed"))).extracting(Problem::message)
                .singleElement().asString().contains("found no matching overload for '_>_'");
    }

    @Test
    void comparesNumbersOfDifferentTypes() {
        CompiledPack pack = Packs.compile(Packs.oneRule("perf.p95Ms <= 500 && tests.failed < 1.5", "[perf, tests]"));

        Evaluation evaluation = pack.evaluate(new EvaluationInput(
                Map.of("perf", Map.of("p95Ms", 499.5), "tests", Map.of("failed", 1L)), Map.of(), List.of()));

        assertThat(evaluation.results().getFirst().outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void compilesTheSamePackFromSeveralThreads() throws Exception {
        byte[] yaml = BaselinePack.yaml();
        PolicyCompiler compiler = new PolicyCompiler();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int index = 0; index < 4; index++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    compiler.compile(PolicyPackParser.parse(yaml, "baseline.yaml"));
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(new String(yaml, StandardCharsets.UTF_8)).contains("greenlight/baseline");
    }
}
