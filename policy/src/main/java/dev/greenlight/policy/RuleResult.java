package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one rule gave, with what it read so the outcome can be explained.
 *
 * @param values every fact and parameter the expression reads → its value (lists cut to 20 items); a fact that was
 *     absent is left out
 * @param missingEvidence the required families that were absent, else the facts that were
 * @param error why the outcome is {@link Outcome#ERROR}
 */
public record RuleResult(String ruleId, String title, Severity severity, int weight, Outcome outcome,
        Map<String, Object> values, List<String> missingEvidence, @Nullable String error, Remediation remediation) {
    public RuleResult {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(title, "title is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(outcome, "outcome is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        missingEvidence = List.copyOf(requireNonNull(missingEvidence, "missingEvidence is null"));
        requireNonNull(remediation, "remediation is null");
    }

    /** The same result with another outcome (a waiver applied). */
    public RuleResult withOutcome(Outcome other) {
        return new RuleResult(ruleId, title, severity, weight, other, values, missingEvidence, error, remediation);
    }
}
