package dev.greenlight.evidence.xml;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.facts.TestFacts.TestCase;

/**
 * One {@code testcase} element as read: who it is, how it ended, and whether it records reruns
 * ({@code flakyFailure}, {@code rerunFailure}, ...) that failed before this outcome.
 */
record JUnitRun(String suite, @Nullable String className, String name, JUnitOutcome outcome, boolean failedReruns,
        @Nullable String message, double seconds) {

    JUnitRun {
        requireNonNull(suite, "suite is null");
        requireNonNull(name, "name is null");
        requireNonNull(outcome, "outcome is null");
    }

    TestCase testCase() {
        return new TestCase(suite, className, name, message);
    }

    /**
     * The test's identity across runs: class and name (the same test in two suite files is the same test), or suite
     * and name for tools that write no class (pytest files without classes, jest-junit's empty classname).
     */
    String identity() {
        return className != null && !className.isEmpty() ? "c\u0000" + className + "\u0000" + name : "s\u0000" + suite + "\u0000" + name;
    }
}
