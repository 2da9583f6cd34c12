package dev.greenlight.policy;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.policy.PolicyException.Problem;

/** Collects every problem of a pack, so that its author fixes them all in one round rather than one per run. */
final class ProblemList {
    private final List<Problem> problems = new ArrayList<>();

    void add(@Nullable String rule, @Nullable SourcePosition position, String message) {
        problems.add(new Problem(rule, position == null ? null : position.line(), position == null ? null : position.column(), message));
    }

    void add(@Nullable String rule, YamlNode node, String message) {
        add(rule, node.position(), message);
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() throws PolicyException {
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
    }
}
