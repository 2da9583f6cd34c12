package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A pack whose rules are compiled, ready to evaluate. Immutable; {@link #evaluate} may be called from many threads at
 * once. Each evaluation converts the input's facts once (only those the rules read), then runs every rule's planned
 * program; the outcome depends on the input alone, never on timing.
 */
public final class CompiledPack {
    private final PolicyPack pack;
    private final List<CompiledRule> rules;
    private final VariableBinder binder;

    CompiledPack(PolicyPack pack, List<CompiledRule> rules) {
        this.pack = requireNonNull(pack, "pack is null");
        this.rules = List.copyOf(rules);
        Set<String> variables = new LinkedHashSet<>();
        rules.forEach(rule -> variables.addAll(rule.variables()));
        this.binder = new VariableBinder(new ArrayList<>(variables), FactCatalog.standard(), pack.parameters());
    }

    public PolicyPack pack() {
        return pack;
    }

    /**
     * Evaluates every rule, in pack order. Never throws for a rule's failure: a required family absent is
     * {@link Outcome#MISSING_EVIDENCE} (naming the families), as is a fact read that is absent or null (naming the
     * facts); a parameter without a value, a value of the wrong type, a runtime error or the cost limit is
     * {@link Outcome#ERROR} with the reason.
     */
    public Evaluation evaluate(EvaluationInput input) {
        requireNonNull(input, "input is null");
        RuleEvaluator evaluator = new RuleEvaluator(input.facts(), binder.bind(input));
        List<RuleResult> results = new ArrayList<>(rules.size());
        for (CompiledRule rule : rules) {
            results.add(evaluator.evaluate(rule));
        }
        return new Evaluation(results);
    }
}
