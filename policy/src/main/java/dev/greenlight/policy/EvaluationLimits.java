package dev.greenlight.policy;

/**
 * What one rule's evaluation may cost, so that a careless or hostile expression cannot stall a gate. Both limits are
 * counted, not timed, so an evaluation that stays within them gives the same outcome on any machine (decisions are
 * replayed); one that exceeds them is an {@link Outcome#ERROR} "cost limit exceeded". A rule over every finding of a
 * release at the listing limit (10,000) costs about 10 units per finding, well within.
 */
public final class EvaluationLimits {
    /** Comprehension iterations ({@code all}, {@code exists}, {@code filter}, {@code map}…), nested ones included. */
    public static final int MAX_ITERATIONS = 50_000;
    /**
     * Work units: one per expression node evaluated, plus the size of every list a node produces (CEL 0.14's runtime
     * copies a list it reads, so a {@code filter} that keeps many items costs the square of their number).
     */
    public static final long MAX_COST = 500_000;
    /** Characters in one expression. */
    static final int MAX_EXPRESSION_LENGTH = 10_000;
    /** Nesting of one expression. */
    static final int MAX_EXPRESSION_DEPTH = 64;
    /** Nodes of one expression. */
    static final int MAX_EXPRESSION_NODES = 5_000;
    /** RE2 program size of a regular expression in {@code matches}. */
    static final int MAX_REGEX_PROGRAM_SIZE = 1_000;

    private EvaluationLimits() {
    }
}
