package dev.greenlight.bench.policy;

import java.util.List;
import java.util.Map;

/**
 * One of the benchmark's 50 checks, twice: as a pack rule (CEL) and as plain Java over the same maps. The agreement
 * check makes sure both give the same answer on the benchmark's facts.
 *
 * @param requires the families the rule reads
 * @param java the same check in Java: facts (family → map) and the quarantine list in, pass or fail out
 */
record Check(String id, String title, String expression, String severity, List<String> requires, Java java) {

    @FunctionalInterface
    interface Java {
        boolean passes(Map<String, Object> facts, List<String> quarantine);
    }
}
