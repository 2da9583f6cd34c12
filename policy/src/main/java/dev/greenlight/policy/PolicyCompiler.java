package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelReference;
import dev.cel.compiler.CelCompiler;
import dev.cel.runtime.CelEvaluationException;

/**
 * Compiles packs: type-checks every rule's CEL expression against the {@link FactCatalog}, the pack's parameters
 * ({@code params.<name>}) and {@code release.quarantine}, and plans it for evaluation. An expression that reads an
 * unknown name, has a type error, does not give a bool, or reads a family its rule does not list in {@code requires}
 * is refused — all problems of all rules at once, each with the rule and its position. Thread-safe and reusable.
 */
public final class PolicyCompiler {
    private final FactCatalog catalog;

    public PolicyCompiler() {
        this.catalog = FactCatalog.standard();
    }

    /** @throws PolicyException with every compile error of every rule at once */
    public CompiledPack compile(PolicyPack pack) throws PolicyException {
        requireNonNull(pack, "pack is null");
        CelCompiler compiler = CelSetup.compiler(catalog, pack.parameters());
        ProblemList problems = new ProblemList();
        List<CompiledRule> rules = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            PackSources.RuleSource source = PackSources.of(pack, rule.id()).orElseGet(() -> unpositioned(rule));
            ExpressionProblems expressionProblems = new ExpressionProblems(rule, source, pack.parameters());
            CelValidationResult result;
            try {
                result = compiler.compile(rule.expression());
            } catch (RuntimeException e) {
                // CEL reports what it finds as issues; anything it throws instead is still this expression's problem.
                problems.add(expressionProblems.at(CelSourceLocation.NONE, "CEL could not compile the expression: " + e.getMessage()));
                continue;
            }
            if (result.hasError()) {
                for (CelIssue issue : result.getErrors()) {
                    problems.add(expressionProblems.of(issue));
                }
                continue;
            }
            CelAbstractSyntaxTree ast = ast(result);
            Map<String, CelSourceLocation> variables = variablesRead(ast, rule.expression(), pack.parameters());
            boolean truthful = true;
            for (Map.Entry<String, CelSourceLocation> variable : variables.entrySet()) {
                String family = FactCatalog.familyOf(variable.getKey());
                if (catalog.families().contains(family) && !rule.requires().contains(family)) {
                    problems.add(expressionProblems.at(variable.getValue(), "reads " + variable.getKey() + " but '" + family
                            + "' is not in the rule's requires, so missing " + family + " evidence would not be reported as missing"));
                    truthful = false;
                }
            }
            if (truthful) {
                rules.add(new CompiledRule(rule, program(ast), List.copyOf(variables.keySet())));
            }
        }
        problems.throwIfAny();
        return new CompiledPack(pack, rules);
    }

    /** The declared variables the expression reads, each with where it first appears, in the order they appear. */
    private Map<String, CelSourceLocation> variablesRead(CelAbstractSyntaxTree ast, String expression,
            Map<String, ParameterDeclaration> parameters) {
        Set<String> declared = new LinkedHashSet<>(catalog.facts().keySet());
        parameters.keySet().forEach(name -> declared.add(CelSetup.PARAMETER_PREFIX + name));
        declared.add(CelSetup.QUARANTINE);
        TreeMap<Integer, String> byOffset = new TreeMap<>();
        Map<Long, Integer> positions = ast.getSource().getPositionsMap();
        for (Map.Entry<Long, CelReference> reference : ast.getReferenceMap().entrySet()) {
            String name = reference.getValue().name();
            if (declared.contains(name)) {
                Integer offset = positions.get(reference.getKey());
                byOffset.putIfAbsent(offset == null ? Integer.MAX_VALUE - byOffset.size() : start(expression, name, offset), name);
            }
        }
        Map<String, CelSourceLocation> variables = new LinkedHashMap<>();
        byOffset.forEach((offset, name) -> variables.putIfAbsent(name,
                ast.getSource().getOffsetLocation(offset).orElse(CelSourceLocation.NONE)));
        return variables;
    }

    /** CEL places a qualified name at its last segment; a problem about it reads better at its first. */
    private static int start(String expression, String name, int offset) {
        int start = expression.lastIndexOf(name, offset);
        return start >= 0 && start + name.length() > offset ? start : offset;
    }

    private static CelAbstractSyntaxTree ast(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL reported no error but gave no syntax tree", e);
        }
    }

    private static dev.cel.runtime.CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return CelSetup.RUNTIME.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL could not plan a checked expression", e);
        }
    }

    private static PackSources.RuleSource unpositioned(Rule rule) {
        SourcePosition nowhere = new SourcePosition(0, 0);
        return new PackSources.RuleSource(nowhere, new ExpressionSource(nowhere, 0, 0, false));
    }
}
