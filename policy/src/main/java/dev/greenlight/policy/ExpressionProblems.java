package dev.greenlight.policy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.greenlight.policy.PolicyException.Problem;

/**
 * Turns CEL's compile issues into problems a pack author can act on: at the YAML position when the pack was parsed,
 * with the position inside the expression, and in the pack's words ("unknown fact 'tests.faild'" rather than CEL's
 * "undeclared reference to 'tests'").
 */
final class ExpressionProblems {
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
    private static final Pattern NOT_BOOL = Pattern.compile("expected type 'bool' but found '(.*)'");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)*");

    private final Rule rule;
    private final PackSources.RuleSource source;
    private final Map<String, ParameterDeclaration> parameters;

    ExpressionProblems(Rule rule, PackSources.RuleSource source, Map<String, ParameterDeclaration> parameters) {
        this.rule = rule;
        this.source = source;
        this.parameters = parameters;
    }

    Problem of(CelIssue issue) {
        return at(issue.getSourceLocation(), message(issue));
    }

    /** A problem at a place in the expression (CEL's 1-based line, 0-based column), or at the expression. */
    Problem at(CelSourceLocation location, String message) {
        boolean known = location.getLine() > 0 && location.getColumn() >= 0;
        SourcePosition position = known ? source.expression().locate(location.getLine(), location.getColumn()) : source.expression().scalar();
        String where = known ? "expression " + location.getLine() + ":" + (location.getColumn() + 1) + ": " : "expression: ";
        boolean positioned = source.rule().line() > 0;
        return new Problem(rule.id(), positioned ? position.line() : null, positioned ? position.column() : null, where + message);
    }

    private String message(CelIssue issue) {
        String message = issue.getMessage();
        Matcher undeclared = UNDECLARED.matcher(message);
        if (undeclared.matches()) {
            return undeclared(qualifiedNameAt(issue.getSourceLocation(), undeclared.group(1)));
        }
        Matcher notBool = NOT_BOOL.matcher(message);
        if (notBool.matches()) {
            return "the expression gives " + notBool.group(1) + "; a rule's expression must give bool";
        }
        return message;
    }

    private String undeclared(String name) {
        String family = FactCatalog.familyOf(name);
        if (FactCatalog.standard().families().contains(family)) {
            return "unknown fact '" + name + "' (docs/facts.md lists the facts of " + family + ")";
        }
        if (name.startsWith(CelSetup.PARAMETER_PREFIX) || name.equals("params")) {
            return "undeclared parameter '" + name + "' (declared: "
                    + (parameters.isEmpty() ? "none" : String.join(", ", parameters.keySet())) + ")";
        }
        if (name.equals("release") || name.startsWith("release.")) {
            return "unknown name '" + name + "' (" + CelSetup.QUARANTINE + " is the release's only variable)";
        }
        return "unknown name '" + name + "'";
    }

    /** The dotted name that starts where CEL reported its first segment undeclared. */
    private String qualifiedNameAt(CelSourceLocation location, String fallback) {
        String[] lines = rule.expression().split("\n", -1);
        if (location.getLine() < 1 || location.getLine() > lines.length) {
            return fallback;
        }
        String line = lines[location.getLine() - 1];
        Matcher name = QUALIFIED_NAME.matcher(line);
        if (location.getColumn() < 0 || location.getColumn() >= line.length() || !name.find(location.getColumn())
                || name.start() != location.getColumn()) {
            return fallback;
        }
        return name.group().replaceAll("\\s", "");
    }
}
