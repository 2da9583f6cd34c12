package dev.greenlight.evidence.merge;

import java.util.List;
import java.util.Map;

import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.TestFacts.TestCase;

/**
 * Test reports add up: each report is a different set of test cases (modules, shards), so counts and durations are
 * summed and the failed and flaky cases listed one report after the other.
 */
final class TestsMerge {
    private TestsMerge() {
    }

    static Map<String, Object> merge(List<SourcedFacts> evidence, int maxListedItems) {
        long total = 0;
        long passed = 0;
        long failed = 0;
        long errors = 0;
        long skipped = 0;
        long flaky = 0;
        double durationSeconds = 0;
        BoundedList<TestCase> failedTests = new BoundedList<>(maxListedItems);
        BoundedList<TestCase> flakyTests = new BoundedList<>(maxListedItems);
        boolean failedTruncated = false;
        boolean flakyTruncated = false;
        for (SourcedFacts one : evidence) {
            TestFacts facts = (TestFacts) one.facts();
            total += facts.total();
            passed += facts.passed();
            failed += facts.failed();
            errors += facts.errors();
            skipped += facts.skipped();
            flaky += facts.flaky();
            durationSeconds += facts.durationSeconds();
            failedTests.addAll(facts.failedTests());
            flakyTests.addAll(facts.flakyTests());
            failedTruncated |= facts.failedTestsTruncated();
            flakyTruncated |= facts.flakyTestsTruncated();
        }
        // One record keeps the merged names exactly those of a single report's facts.
        TestFacts merged = new TestFacts(total, passed, failed, errors, skipped, flaky, durationSeconds,
                failedTests.items(), flakyTests.items(), failedTruncated || failedTests.cut(), flakyTruncated || flakyTests.cut());
        return MergedMap.startingWith(merged.toMap()).put("sources", Sources.of(evidence)).build();
    }
}
