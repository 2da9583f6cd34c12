package dev.greenlight.policy;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Where a rule's expression sits in the YAML, so that a CEL error at line:column of the expression can be shown at
 * line:column of the file. Exact for plain and quoted one-line scalars and for literal blocks ({@code |}), whose lines
 * are the expression's lines; a folded block ({@code >}) joins lines, and an escape shifts columns, so for those the
 * position of the scalar itself is the best there is.
 *
 * @param scalar where the expression's scalar starts (its quote or block indicator included)
 * @param contentLine the YAML line of the expression's first line (for a literal block, the line after its indicator)
 * @param contentColumn the YAML column of the expression's first character
 * @param exact whether expression positions map one to one onto the YAML
 */
record ExpressionSource(SourcePosition scalar, int contentLine, int contentColumn, boolean exact) {

    /** The expression's YAML position for a CEL position (1-based line, 0-based column as CEL counts them). */
    SourcePosition locate(int expressionLine, int expressionColumn) {
        if (!exact || expressionLine < 1 || expressionColumn < 0) {
            return scalar;
        }
        if (expressionLine == 1) {
            return new SourcePosition(contentLine, contentColumn + expressionColumn);
        }
        return new SourcePosition(contentLine + expressionLine - 1, contentColumn + expressionColumn);
    }

    /** Works out the scalar's style from the YAML text at its position. */
    static ExpressionSource of(byte[] yaml, SourcePosition scalar, String expression) {
        String[] lines = new String(yaml, StandardCharsets.UTF_8).split("\r?\n", -1);
        @Nullable String line = scalar.line() <= lines.length ? lines[scalar.line() - 1] : null;
        if (line == null || scalar.column() > line.length()) {
            return new ExpressionSource(scalar, scalar.line(), scalar.column(), false);
        }
        char first = line.charAt(scalar.column() - 1);
        boolean oneLine = expression.indexOf('\n') < 0;
        return switch (first) {
            case '|' -> literalBlock(lines, scalar);
            case '>' -> new ExpressionSource(scalar, scalar.line(), scalar.column(), false);
            case '\'' -> new ExpressionSource(scalar, scalar.line(), scalar.column() + 1,
                    oneLine && expression.indexOf('\'') < 0 && line.indexOf(expression, scalar.column()) == scalar.column());
            case '"' -> new ExpressionSource(scalar, scalar.line(), scalar.column() + 1,
                    oneLine && line.indexOf(expression, scalar.column()) == scalar.column());
            default -> new ExpressionSource(scalar, scalar.line(), scalar.column(),
                    oneLine && line.indexOf(expression, scalar.column() - 1) == scalar.column() - 1);
        };
    }

    /** A literal block's lines are the expression's lines, after the block's indentation. */
    private static ExpressionSource literalBlock(String[] lines, SourcePosition scalar) {
        for (int index = scalar.line(); index < lines.length; index++) {
            String candidate = lines[index];
            if (!candidate.isBlank()) {
                int indent = 0;
                while (indent < candidate.length() && candidate.charAt(indent) == ' ') {
                    indent++;
                }
                // Leading blank lines belong to the expression too, so its first line is the one after the indicator.
                return new ExpressionSource(scalar, scalar.line() + 1, indent + 1, true);
            }
        }
        return new ExpressionSource(scalar, scalar.line(), scalar.column(), false);
    }
}
