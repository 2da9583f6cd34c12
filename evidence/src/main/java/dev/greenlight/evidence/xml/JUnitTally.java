package dev.greenlight.evidence.xml;

import dev.greenlight.evidence.internal.LongLongMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.TestFacts.TestCase;

/**
 * Counts test cases by identity, so that a test run again (a repeated {@code testcase}, as Gradle's test-retry
 * plugin writes them) counts once, with the outcome of its last run, and as flaky when that run passed after an
 * earlier failure. Per test it keeps only a 64-bit hash of the identity and a few bits of state, so a report with a
 * million cases costs some 20 MB; a hash collision (odds around 10^-8 at that size) would merge two tests' counts.
 */
final class JUnitTally {
    private static final long ABSENT = -1;
    private static final long OUTCOME_BITS = 0b11;
    private static final long FAILED_BEFORE = 0b100;

    private final LongLongMap states = new LongLongMap();
    private final int maxListed;
    private final Map<Long, TestCase> failing = new LinkedHashMap<>();
    private final Map<Long, TestCase> flaky = new LinkedHashMap<>();
    private final long[] byOutcome = new long[JUnitOutcome.values().length];
    private long total;
    private long flakyCount;
    private double seconds;

    JUnitTally(int maxListed) {
        this.maxListed = maxListed;
    }

    void record(JUnitRun run) {
        long key = hash(run.identity());
        long previous = states.get(key, ABSENT);
        boolean failedBefore = false;
        if (previous == ABSENT) {
            total++;
        } else {
            failedBefore = (previous & FAILED_BEFORE) != 0;
            uncount(JUnitOutcome.values()[(int) (previous & OUTCOME_BITS)], failedBefore);
        }
        boolean failedSoFar = failedBefore || run.outcome().isFailure() || run.failedReruns();
        states.put(key, run.outcome().ordinal() | (failedSoFar ? FAILED_BEFORE : 0));
        byOutcome[run.outcome().ordinal()]++;
        // Times are finite and non-negative, but a hostile file's can add up past the largest double: stop there.
        seconds = Math.min(seconds + run.seconds(), Double.MAX_VALUE);
        failing.remove(key);
        flaky.remove(key);
        if (run.outcome().isFailure()) {
            list(failing, key, run);
        } else if (run.outcome() == JUnitOutcome.PASSED && failedSoFar) {
            flakyCount++;
            list(flaky, key, run);
        }
    }

    TestFacts facts() {
        long failed = byOutcome[JUnitOutcome.FAILED.ordinal()];
        long errors = byOutcome[JUnitOutcome.ERRORED.ordinal()];
        return new TestFacts(total, byOutcome[JUnitOutcome.PASSED.ordinal()], failed, errors,
                byOutcome[JUnitOutcome.SKIPPED.ordinal()], flakyCount, seconds,
                new ArrayList<>(failing.values()), new ArrayList<>(flaky.values()), failed + errors > failing.size(),
                flakyCount > flaky.size());
    }

    private void uncount(JUnitOutcome outcome, boolean failedBefore) {
        byOutcome[outcome.ordinal()]--;
        if (outcome == JUnitOutcome.PASSED && failedBefore) {
            flakyCount--;
        }
    }

    private void list(Map<Long, TestCase> listing, long key, JUnitRun run) {
        if (listing.size() < maxListed) {
            listing.put(key, run.testCase());
        }
    }

    /** FNV-1a over the UTF-16 code units, then a final mix so that near-identical names spread. */
    private static long hash(String identity) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < identity.length(); i++) {
            char unit = identity.charAt(i);
            hash = (hash ^ (unit & 0xFF)) * 0x100000001b3L;
            hash = (hash ^ (unit >>> 8)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        return hash ^ (hash >>> 33);
    }
}
