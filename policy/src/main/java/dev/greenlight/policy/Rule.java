package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One check of a pack.
 *
 * @param expression CEL over the release's facts, {@code params.*} and {@code release.quarantine}; must return bool
 * @param weight 0–100, its share of the readiness score
 * @param requires the fact families the expression reads; when one is absent the outcome is missing evidence
 */
public record Rule(String id, String title, String expression, Severity severity, int weight, List<String> requires,
        Remediation remediation) {
    public Rule {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(severity, "severity is null");
        requires = List.copyOf(requireNonNull(requires, "requires is null"));
        requireNonNull(remediation, "remediation is null");
    }
}
