package dev.greenlight.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Binds the variables a pack reads to one input's values. Made once per pack, from the variables its rules read;
 * {@link #bind} runs once per evaluation and converts each value once, however many rules read it.
 */
final class VariableBinder {
    private final List<Variable> variables;

    /** A variable with how to find it: a fact by family and path, a parameter by declaration, or the quarantine list. */
    private sealed interface Variable {
        String name();
    }

    private record Fact(String name, String family, String[] path, FactType type) implements Variable {
    }

    private record Parameter(String name, ParameterDeclaration declaration) implements Variable {
    }

    private record Quarantine(String name) implements Variable {
    }

    VariableBinder(List<String> names, FactCatalog catalog, Map<String, ParameterDeclaration> parameters) {
        this.variables = names.stream().map(name -> variable(name, catalog, parameters)).toList();
    }

    private static Variable variable(String name, FactCatalog catalog, Map<String, ParameterDeclaration> parameters) {
        if (name.equals(CelSetup.QUARANTINE)) {
            return new Quarantine(name);
        }
        if (name.startsWith(CelSetup.PARAMETER_PREFIX)) {
            return new Parameter(name, parameters.get(name.substring(CelSetup.PARAMETER_PREFIX.length())));
        }
        String family = FactCatalog.familyOf(name);
        String[] path = name.substring(family.length() + 1).split("\\.");
        return new Fact(name, family, path, catalog.typeOf(name).orElseThrow());
    }

    Map<String, Binding> bind(EvaluationInput input) {
        Map<String, Binding> bindings = new HashMap<>(variables.size() * 2);
        for (Variable variable : variables) {
            bindings.put(variable.name(), switch (variable) {
                case Quarantine quarantine -> Binding.of(input.quarantine(), FactType.STRING_LIST, quarantine.name());
                case Parameter parameter -> parameter(parameter, input.parameters());
                case Fact fact -> fact(fact, input.facts());
            });
        }
        return bindings;
    }

    private static Binding parameter(Parameter parameter, Map<String, Object> values) {
        ParameterDeclaration declaration = parameter.declaration();
        Object value = values.get(declaration.name());
        if (value == null) {
            value = declaration.defaultValue();
        }
        return value == null ? new Binding.NotSet() : Binding.of(value, declaration.type(), "parameter " + declaration.name());
    }

    private static Binding fact(Fact fact, Map<String, Object> facts) {
        @Nullable Object value = facts.get(fact.family());
        if (value == null) {
            return new Binding.FamilyAbsent();
        }
        String reached = fact.family();
        for (String segment : fact.path()) {
            if (!(value instanceof Map<?, ?> map)) {
                return new Binding.Invalid(reached + " is " + FactValues.describe(value) + ", not a map of facts");
            }
            value = map.get(segment);
            reached = reached + "." + segment;
            if (value == null) {
                return new Binding.FactAbsent();
            }
        }
        return Binding.of(value, fact.type(), "fact " + fact.name());
    }
}
