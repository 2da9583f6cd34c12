package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.greenlight.policy.PackTestReport.CaseResult;

/**
 * Runs a pack's embedded tests offline: each test's facts, parameters and quarantine are evaluated like a release's,
 * and every expected outcome is compared with the rule's actual one. A pack whose tests fail must not be activated.
 */
public final class PackTestRunner {
    private PackTestRunner() {
    }

    /** One case per expectation, in test order then expectation order. Never throws for a failing case: it is in the report. */
    public static PackTestReport run(CompiledPack pack) {
        requireNonNull(pack, "pack is null");
        List<CaseResult> cases = new ArrayList<>();
        for (PackTest test : pack.pack().tests()) {
            Map<String, RuleResult> results;
            try {
                results = pack.evaluate(new EvaluationInput(test.facts(), test.parameters(), test.quarantine())).results().stream()
                        .collect(Collectors.toMap(RuleResult::ruleId, Function.identity()));
            } catch (RuntimeException e) {
                // Evaluation does not throw for a rule; anything else is reported against every expectation of the test.
                String reason = "the test could not be evaluated: " + e;
                test.expect().forEach((rule, expected) -> cases.add(new CaseResult(test.name(), rule, expected, null, reason)));
                continue;
            }
            test.expect().forEach((rule, expected) -> {
                RuleResult actual = results.get(rule);
                if (actual == null) {
                    cases.add(new CaseResult(test.name(), rule, expected, null, "the pack has no rule " + rule));
                } else {
                    cases.add(new CaseResult(test.name(), rule, expected, actual.outcome(), explanation(actual)));
                }
            });
        }
        return new PackTestReport(cases);
    }

    /** The error, or which evidence was missing, so a failing case says why the rule did what it did. */
    private static String explanation(RuleResult result) {
        if (result.error() != null) {
            return result.error();
        }
        if (!result.missingEvidence().isEmpty()) {
            return "missing " + String.join(", ", result.missingEvidence());
        }
        return null;
    }
}
