package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The outcome of a pack's embedded tests: one case per (test, expected rule). */
public record PackTestReport(List<CaseResult> cases) {
    public PackTestReport {
        cases = List.copyOf(requireNonNull(cases, "cases is null"));
    }

    /** Whether every case passed. */
    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    /**
     * One expectation of one test.
     *
     * @param actual null when the rule could not be evaluated at all (see {@code error})
     * @param error the rule's error message, or why the test could not run (e.g. a parameter of the wrong type)
     */
    public record CaseResult(String test, String rule, Outcome expected, @Nullable Outcome actual, @Nullable String error) {
        public CaseResult {
            requireNonNull(test, "test is null");
            requireNonNull(rule, "rule is null");
            requireNonNull(expected, "expected is null");
        }

        public boolean passed() {
            return expected == actual;
        }
    }
}
