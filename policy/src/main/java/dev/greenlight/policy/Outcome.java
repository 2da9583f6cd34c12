package dev.greenlight.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What evaluating one rule for one release gave. */
public enum Outcome {
    /** The expression was true. */
    PASS,
    /** The expression was false. */
    FAIL,
    /** The rule failed or lacked evidence, and a waiver suspends it ({@link Verdict#of}). */
    WAIVED,
    /** A family the rule requires, or a fact it reads, is absent: the expression was not evaluated. */
    MISSING_EVIDENCE,
    /** The expression could not be evaluated: a runtime error, a fact of the wrong type, or the cost limit. */
    ERROR;

    /** The name in pack YAML and on the wire: {@code pass}, {@code fail}, {@code waived}, {@code missing-evidence}, {@code error}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The outcome with this wire name, if any. */
    public static Optional<Outcome> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(outcome -> outcome.wireName().equals(wireName)).findFirst();
    }
}
