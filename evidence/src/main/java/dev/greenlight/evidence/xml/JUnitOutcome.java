package dev.greenlight.evidence.xml;

/** How one run of a test case ended, from best to worst: when a case lists several results, the worst one counts. */
enum JUnitOutcome {
    PASSED, SKIPPED, FAILED, ERRORED;

    boolean isFailure() {
        return this == FAILED || this == ERRORED;
    }
}
