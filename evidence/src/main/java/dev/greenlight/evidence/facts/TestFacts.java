package dev.greenlight.evidence.facts;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * Test results counted from the test cases themselves (not from header attributes that may disagree). A test that
 * failed and then passed on a rerun (or a repeated test case whose last run passed) is flaky, not failed.
 *
 * @param total every test case counted once (reruns are not extra cases)
 * @param failedTests failed and errored cases, listed up to the listing limit ({@code failedTestsTruncated} then true)
 * @param flakyTests cases that passed only after failing, listed up to the listing limit ({@code flakyTestsTruncated}
 *     then true)
 */
public record TestFacts(
        long total, long passed, long failed, long errors, long skipped, long flaky, double durationSeconds,
        List<TestCase> failedTests, List<TestCase> flakyTests, boolean failedTestsTruncated, boolean flakyTestsTruncated) implements EvidenceFacts {

    public TestFacts {
        failedTests = List.copyOf(failedTests);
        flakyTests = List.copyOf(flakyTests);
    }

    /** One test case, identified by suite, class and name; {@code message} is the failure message, shortened. */
    public record TestCase(String suite, @Nullable String className, String name, @Nullable String message) {
        /** The id quarantine lists use: {@code className.name} when there is a class name, else {@code suite/name}. */
        public String id() {
            return className != null && !className.isEmpty() ? className + "." + name : suite + "/" + name;
        }

        Map<String, Object> toMap() {
            return FactMaps.create().put("id", id()).put("suite", suite).put("className", className).put("name", name)
                    .put("message", message).build();
        }
    }

    @Override
    public FactFamily family() {
        return FactFamily.TESTS;
    }

    @Override
    public Map<String, Object> toMap() {
        return FactMaps.create()
                .put("total", total).put("passed", passed).put("failed", failed).put("errors", errors)
                .put("skipped", skipped).put("flaky", flaky).put("durationSeconds", durationSeconds)
                .put("failedTests", failedTests.stream().map(TestCase::toMap).toList())
                .put("flakyTests", flakyTests.stream().map(TestCase::toMap).toList())
                .put("failedTestsTruncated", failedTestsTruncated)
                .put("flakyTestsTruncated", flakyTestsTruncated)
                .build();
    }
}
