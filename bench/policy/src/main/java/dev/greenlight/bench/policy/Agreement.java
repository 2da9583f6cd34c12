package dev.greenlight.bench.policy;

import dev.greenlight.policy.BaselinePack;
import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.EvaluationInput;
import dev.greenlight.policy.Outcome;
import dev.greenlight.policy.PolicyCompiler;
import dev.greenlight.policy.PolicyException;
import dev.greenlight.policy.PolicyPack;
import dev.greenlight.policy.PolicyPackParser;
import dev.greenlight.policy.Rule;
import dev.greenlight.policy.RuleResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Checks that the benchmark compares like with like: the first ten checks are the baseline pack's rules, word for
 * word, and every check gives the same answer in CEL and in Java on the benchmark's facts (no CEL rule ends in missing
 * evidence or an error). Run by run.sh before JMH, and by the benchmark's setup; prints the outcomes.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.greenlight.bench.policy.Agreement}
 */
public final class Agreement {
    private Agreement() {
    }

    public static void main(String[] args) {
        List<Check> checks = FiftyChecks.all();
        CompiledPack pack = compile(checks);
        Map<String, Object> facts = ReleaseFixture.facts();
        List<RuleResult> results = verify(checks, pack, facts);
        long passed = results.stream().filter(result -> result.outcome() == Outcome.PASS).count();
        System.out.println("| checks | pass | fail | facts |");
        System.out.println("|---|---|---|---|");
        System.out.println("| " + results.size() + " | " + passed + " | " + (results.size() - passed) + " | " + ReleaseFixture.FINDINGS
                + " findings, " + ReleaseFixture.COMPONENTS + " components, " + ReleaseFixture.TESTS + " tests (" + ReleaseFixture.FAILED_TESTS
                + " failed) |");
        System.out.println();
        System.out.println("Failing checks (the same in CEL and Java): " + String.join(", ", results.stream()
                .filter(result -> result.outcome() == Outcome.FAIL).map(RuleResult::ruleId).toList()));
    }

    static CompiledPack compile(List<Check> checks) {
        try {
            PolicyPack baseline = PolicyPackParser.parse(BaselinePack.yaml(), "baseline.yaml");
            for (int index = 0; index < baseline.rules().size(); index++) {
                Rule rule = baseline.rules().get(index);
                Check check = checks.get(index);
                if (!rule.id().equals(check.id()) || !rule.expression().strip().equals(check.expression().strip())) {
                    throw new IllegalStateException("check " + index + " is not the baseline's rule " + rule.id());
                }
            }
            byte[] yaml = FiftyChecks.packYaml(checks).getBytes(StandardCharsets.UTF_8);
            return new PolicyCompiler().compile(PolicyPackParser.parse(yaml, "fifty-rules.yaml"));
        } catch (PolicyException e) {
            throw new IllegalStateException("the benchmark's pack does not compile: " + e.problems(), e);
        }
    }

    static List<RuleResult> verify(List<Check> checks, CompiledPack pack, Map<String, Object> facts) {
        List<RuleResult> results = pack.evaluate(new EvaluationInput(facts, FiftyChecks.parameters(), ReleaseFixture.QUARANTINE)).results();
        for (int index = 0; index < checks.size(); index++) {
            RuleResult result = results.get(index);
            boolean java = checks.get(index).java().passes(facts, ReleaseFixture.QUARANTINE);
            boolean agrees = (result.outcome() == Outcome.PASS && java) || (result.outcome() == Outcome.FAIL && !java);
            if (!agrees) {
                throw new IllegalStateException("check " + result.ruleId() + ": CEL says " + result.outcome() + " (" + result.error() + ", missing "
                        + result.missingEvidence() + "), Java says " + (java ? "pass" : "fail"));
            }
        }
        return results;
    }
}
