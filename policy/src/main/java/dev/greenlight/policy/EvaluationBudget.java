package dev.greenlight.policy;

import java.util.Collection;
import java.util.Map;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Counts the work of one rule's evaluation (see {@link EvaluationLimits#MAX_COST}) and stops it when it exceeds the
 * limit. CEL may absorb the exception inside {@code ||} and {@code &&}, so whether the budget was exceeded is asked
 * afterwards too, and decides the outcome. One per evaluation, never shared between threads.
 */
final class EvaluationBudget implements CelEvaluationListener {
    private final long limit;
    private long spent;

    EvaluationBudget(long limit) {
        this.limit = limit;
    }

    @Override
    public void callback(CelExpr expression, Object result) {
        spent += 1;
        if (result instanceof Collection<?> collection) {
            spent += collection.size();
        } else if (result instanceof Map<?, ?> map && !(result instanceof FactMapValue)) {
            spent += map.size();
        } else if (result instanceof String text) {
            spent += text.length() >> 6;
        }
        if (spent > limit) {
            throw new CostLimitExceededException();
        }
    }

    boolean exceeded() {
        return spent > limit;
    }

    /** Stops the evaluation; carries no stack trace, as it is thrown to unwind, not to be debugged. */
    static final class CostLimitExceededException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CostLimitExceededException() {
            super("cost limit exceeded", null, false, false);
        }
    }
}
