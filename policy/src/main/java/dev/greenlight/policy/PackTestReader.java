package dev.greenlight.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads a pack's embedded {@code tests}: each names its facts (as merged: family → map), parameters (declared ones
 * only, of their type), quarantine list, and the outcome it expects of rules that exist.
 */
final class PackTestReader {
    private static final Set<String> TEST_KEYS = Set.of("name", "facts", "parameters", "quarantine", "expect");

    private final ProblemList problems;
    private final Map<String, ParameterDeclaration> parameters;
    private final Set<String> parameterNames;
    private final Set<String> ruleIds;

    /**
     * @param parameters the valid declarations
     * @param parameterNames every name declared, so that a test setting a parameter whose declaration is invalid is
     *     not reported a second time
     * @param ruleIds every rule id declared, valid rule or not, likewise
     */
    PackTestReader(ProblemList problems, Map<String, ParameterDeclaration> parameters, Set<String> parameterNames, Set<String> ruleIds) {
        this.problems = problems;
        this.parameters = parameters;
        this.parameterNames = parameterNames;
        this.ruleIds = ruleIds;
    }

    List<PackTest> tests(@Nullable YamlNode node) {
        List<PackTest> tests = new ArrayList<>();
        if (node == null) {
            return tests;
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(null, node, "tests is a list of test cases, not " + node.kind());
            return tests;
        }
        Set<String> names = new HashSet<>();
        for (YamlNode item : sequence.items()) {
            PackTest test = test(item);
            if (test == null) {
                continue;
            }
            if (!names.add(test.name())) {
                problems.add(null, item, "duplicate test name '" + test.name() + "'");
                continue;
            }
            tests.add(test);
        }
        return tests;
    }

    private @Nullable PackTest test(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(null, node, "a test is a mapping with name, facts, parameters, quarantine and expect, not " + node.kind());
            return null;
        }
        YamlNode.Entry nameEntry = mapping.entries().get("name");
        String label = nameEntry != null && nameEntry.value() instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text
                ? "test " + text : "a test";
        Fields fields = new Fields(mapping, problems, null, label, TEST_KEYS);
        String name = fields.requiredString("name");
        Map<String, Object> facts = facts(fields.optional("facts"), label);
        Map<String, Object> values = parameterValues(fields.optional("parameters"), label);
        List<String> quarantine = quarantine(fields.optional("quarantine"), label);
        Map<String, Outcome> expect = expect(fields.required("expect"), label);
        if (name == null || facts == null || values == null || quarantine == null || expect == null) {
            return null;
        }
        return new PackTest(name, facts, values, quarantine, expect);
    }

    private @Nullable Map<String, Object> facts(@Nullable YamlNode node, String label) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(null, node, "the facts of " + label + " are a mapping of family → facts, not " + node.kind());
            return null;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        boolean valid = true;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!FactCatalog.standard().families().contains(entry.key())) {
                problems.add(null, entry.keyPosition(), label + " has facts of the unknown family '" + entry.key() + "' (families: "
                        + String.join(", ", FactCatalog.standard().families()) + ")");
                valid = false;
            } else if (!(entry.value() instanceof YamlNode.Mapping family)) {
                problems.add(null, entry.value(), "the " + entry.key() + " facts of " + label + " are a mapping, not " + entry.value().kind());
                valid = false;
            } else {
                facts.put(entry.key(), YamlValues.plainMap(family));
            }
        }
        return valid ? facts : null;
    }

    private @Nullable Map<String, Object> parameterValues(@Nullable YamlNode node, String label) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(null, node, "the parameters of " + label + " are a mapping of name → value, not " + node.kind());
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        boolean valid = true;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            ParameterDeclaration declaration = parameters.get(entry.key());
            Object value = YamlValues.plain(entry.value());
            if (declaration == null) {
                if (!parameterNames.contains(entry.key())) {
                    problems.add(null, entry.keyPosition(), label + " sets the undeclared parameter '" + entry.key() + "'");
                }
                valid = false;
            } else if (value == null || !YamlValues.fits(value, declaration.type())) {
                problems.add(null, entry.value(), label + " sets parameter " + entry.key() + " to " + entry.value().kind() + ", not "
                        + declaration.type().typeName());
                valid = false;
            } else {
                values.put(entry.key(), YamlValues.canonical(value, declaration.type()));
            }
        }
        return valid ? values : null;
    }

    private @Nullable List<String> quarantine(@Nullable YamlNode node, String label) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof YamlNode.Sequence sequence && sequence.items().stream()
                .allMatch(item -> item instanceof YamlNode.Scalar scalar && scalar.value() instanceof String)) {
            return sequence.items().stream().map(item -> (String) ((YamlNode.Scalar) item).value()).toList();
        }
        problems.add(null, node, "the quarantine of " + label + " is a list of test ids, not " + node.kind());
        return null;
    }

    private @Nullable Map<String, Outcome> expect(@Nullable YamlNode node, String label) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof YamlNode.Mapping mapping) || mapping.entries().isEmpty()) {
            problems.add(null, node, "expect of " + label + " is a non-empty mapping of rule id → outcome, not " + node.kind());
            return null;
        }
        Map<String, Outcome> expect = new LinkedHashMap<>();
        boolean valid = true;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!ruleIds.contains(entry.key())) {
                problems.add(null, entry.keyPosition(), label + " expects an outcome of the unknown rule '" + entry.key() + "'");
                valid = false;
                continue;
            }
            Outcome outcome = entry.value() instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text
                    ? Outcome.fromWireName(text).filter(candidate -> candidate != Outcome.WAIVED).orElse(null)
                    : null;
            if (outcome == null) {
                problems.add(entry.key(), entry.value(), label + " expects '" + describe(entry.value())
                        + "'; an expected outcome is pass, fail, missing-evidence or error");
                valid = false;
                continue;
            }
            expect.put(entry.key(), outcome);
        }
        return valid ? expect : null;
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar ? String.valueOf(scalar.value()) : node.kind();
    }
}
