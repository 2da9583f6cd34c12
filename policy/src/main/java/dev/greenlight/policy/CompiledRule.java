package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.cel.runtime.CelRuntime;

/**
 * A rule ready to evaluate: its planned CEL program and the variables its expression reads (facts, parameters,
 * {@code release.quarantine}), in the order they first appear. Immutable; the program is thread-safe.
 */
record CompiledRule(Rule rule, CelRuntime.Program program, List<String> variables) {
    CompiledRule {
        requireNonNull(rule, "rule is null");
        requireNonNull(program, "program is null");
        variables = List.copyOf(requireNonNull(variables, "variables is null"));
    }
}
