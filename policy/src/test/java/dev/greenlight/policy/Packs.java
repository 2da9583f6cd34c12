package dev.greenlight.policy;

import java.nio.charset.StandardCharsets;

/** Packs for tests: YAML text parsed and compiled, failing the test with the problems when it does not compile. */
final class Packs {
    private Packs() {
    }

    static PolicyPack parse(String yaml) {
        try {
            return PolicyPackParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
        } catch (PolicyException e) {
            throw new AssertionError("the pack does not parse: " + e.problems(), e);
        }
    }

    static CompiledPack compile(String yaml) {
        return compile(yaml.getBytes(StandardCharsets.UTF_8));
    }

    static CompiledPack compile(byte[] yaml) {
        try {
            return new PolicyCompiler().compile(PolicyPackParser.parse(yaml, "test.yaml"));
        } catch (PolicyException e) {
            throw new AssertionError("the pack does not compile: " + e.problems(), e);
        }
    }

    /** A pack of one blocker rule with the given expression and requires, and the given parameters block. */
    static String oneRule(String expression, String requires) {
        return """
                id: test/one
                version: 0.1.0
                rules:
                  - id: the-rule
                    title: The rule
                    expression: %s
                    severity: blocker
                    requires: %s
                    remediation: Do something.
                """.formatted(expression, requires);
    }

    /** Like {@link #oneRule}, with the expression in a literal block, so it needs no YAML quoting. */
    static String oneRuleInBlock(String expression, String requires) {
        return oneRule("|\n      " + expression, requires);
    }
}
