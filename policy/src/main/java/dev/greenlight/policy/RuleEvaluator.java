package dev.greenlight.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;

/**
 * Evaluates the rules of one pack against one input's bound variables: missing evidence before anything else (a
 * required family absent, then a fact read that is absent), then parameters and facts that cannot be used, and only
 * then the expression, within the {@link EvaluationBudget}. Never throws for a rule: whatever goes wrong is the
 * rule's outcome. One per evaluation.
 */
final class RuleEvaluator {
    /** How many items of a list a result's values keep. */
    static final int LISTED_VALUES = 20;
    private static final Pattern CEL_POSITION = Pattern.compile("evaluation error at <input>:(\\d+): (.*)", Pattern.DOTALL);

    private final Map<String, Object> facts;
    private final Map<String, Binding> bindings;
    private final Map<String, @Nullable Object> plainValues = new LinkedHashMap<>();

    RuleEvaluator(Map<String, Object> facts, Map<String, Binding> bindings) {
        this.facts = facts;
        this.bindings = bindings;
    }

    RuleResult evaluate(CompiledRule compiled) {
        Rule rule = compiled.rule();
        List<String> absentFamilies = rule.requires().stream().filter(family -> facts.get(family) == null).toList();
        if (!absentFamilies.isEmpty()) {
            return result(rule, Outcome.MISSING_EVIDENCE, Map.of(), absentFamilies, null);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> absentFacts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : compiled.variables()) {
            switch (bindings.get(name)) {
                case Binding.Bound bound -> values.put(name, plain(name, bound));
                case Binding.FamilyAbsent absent -> absentFacts.add(name);
                case Binding.FactAbsent absent -> absentFacts.add(name);
                case Binding.NotSet notSet -> problems.add(name.substring(CelSetup.PARAMETER_PREFIX.length()).transform(
                        parameter -> "parameter " + parameter + " is not set: give it a value for the environment, or a default in the pack"));
                case Binding.Invalid invalid -> problems.add(invalid.problem());
                case null -> throw new IllegalStateException("variable " + name + " was not bound");
            }
        }
        if (!absentFacts.isEmpty()) {
            return result(rule, Outcome.MISSING_EVIDENCE, values, absentFacts, null);
        }
        if (!problems.isEmpty()) {
            return result(rule, Outcome.ERROR, values, List.of(), String.join("; ", problems));
        }
        EvaluationBudget budget = new EvaluationBudget(EvaluationLimits.MAX_COST);
        try {
            Object outcome = compiled.program().trace(this::find, budget);
            if (budget.exceeded()) {
                return result(rule, Outcome.ERROR, values, List.of(), costLimitExceeded());
            }
            if (outcome instanceof Boolean passed) {
                return result(rule, passed ? Outcome.PASS : Outcome.FAIL, values, List.of(), null);
            }
            return result(rule, Outcome.ERROR, values, List.of(), "the expression gave " + FactValues.describe(outcome) + ", not a bool");
        } catch (CelEvaluationException e) {
            boolean overBudget = budget.exceeded() || e.getErrorCode() == CelErrorCode.ITERATION_BUDGET_EXCEEDED;
            return result(rule, Outcome.ERROR, values, List.of(), overBudget ? costLimitExceeded() : message(e, rule.expression()));
        } catch (RuntimeException e) {
            // CEL's runtime may still let an unchecked exception through; it is this rule's error, not the gate's.
            return result(rule, Outcome.ERROR, values, List.of(), budget.exceeded() ? costLimitExceeded()
                    : "evaluation failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private Optional<Object> find(String name) {
        return bindings.get(name) instanceof Binding.Bound bound ? Optional.of(bound.runtime()) : Optional.empty();
    }

    /** Converted once per evaluation, however many rules read it. */
    private @Nullable Object plain(String name, Binding.Bound bound) {
        if (!plainValues.containsKey(name)) {
            Object runtime = bound.runtime();
            boolean scalar = runtime instanceof String || runtime instanceof Boolean || runtime instanceof Long || runtime instanceof Double;
            plainValues.put(name, scalar ? runtime : FactValues.plain(bound.source(), LISTED_VALUES));
        }
        return plainValues.get(name);
    }

    private static String costLimitExceeded() {
        return "cost limit exceeded: the expression needed more than " + EvaluationLimits.MAX_ITERATIONS
                + " comprehension iterations or " + EvaluationLimits.MAX_COST + " units of work";
    }

    /** CEL's message, with its character offset turned into the expression's line:column. */
    static String message(CelEvaluationException e, String expression) {
        String message = e.getMessage() == null ? "evaluation failed" : e.getMessage();
        Matcher positioned = CEL_POSITION.matcher(message);
        if (!positioned.matches()) {
            return message;
        }
        int offset = Math.min(Integer.parseInt(positioned.group(1)), expression.length());
        int line = 1;
        int lineStart = 0;
        for (int index = 0; index < offset; index++) {
            if (expression.charAt(index) == '\n') {
                line++;
                lineStart = index + 1;
            }
        }
        return positioned.group(2) + " (expression " + line + ":" + (offset - lineStart + 1) + ")";
    }

    private static RuleResult result(Rule rule, Outcome outcome, Map<String, Object> values, List<String> missing, @Nullable String error) {
        return new RuleResult(rule.id(), rule.title(), rule.severity(), rule.weight(), outcome, values, missing, error, rule.remediation());
    }
}
