package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One result per rule, in pack order. */
public record Evaluation(List<RuleResult> results) {
    public Evaluation {
        results = List.copyOf(requireNonNull(results, "results is null"));
    }
}
