package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A release's readiness under one pack.
 *
 * @param ready no blocker rule failed, lacked evidence or erred (waived ones aside)
 * @param score 0–100, see {@link #of}
 * @param results every rule's result, waivers applied
 * @param blockers the blocker rules that neither passed nor were waived, in pack order
 */
public record Verdict(boolean ready, int score, List<RuleResult> results, List<RuleResult> blockers) {
    public Verdict {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score is 0 to 100, not " + score);
        }
        results = List.copyOf(requireNonNull(results, "results is null"));
        blockers = List.copyOf(requireNonNull(blockers, "blockers is null"));
    }

    /**
     * Applies waivers (rule ids) and computes readiness. A rule becomes {@link Outcome#WAIVED} when it failed or lacked
     * evidence and its id is waived; an error is never waived. The score is
     * {@code round(100 × Σ weight of rules that passed or were waived / Σ weight of all rules)} (half up), 100 when all
     * weights are 0. Warnings count towards the score, never towards readiness.
     */
    public static Verdict of(Evaluation evaluation, Set<String> waivedRuleIds) {
        requireNonNull(evaluation, "evaluation is null");
        requireNonNull(waivedRuleIds, "waivedRuleIds is null");
        List<RuleResult> results = new ArrayList<>();
        List<RuleResult> blockers = new ArrayList<>();
        long totalWeight = 0;
        long earnedWeight = 0;
        for (RuleResult result : evaluation.results()) {
            boolean waivable = result.outcome() == Outcome.FAIL || result.outcome() == Outcome.MISSING_EVIDENCE;
            RuleResult applied = waivable && waivedRuleIds.contains(result.ruleId()) ? result.withOutcome(Outcome.WAIVED) : result;
            results.add(applied);
            boolean satisfied = applied.outcome() == Outcome.PASS || applied.outcome() == Outcome.WAIVED;
            totalWeight += applied.weight();
            if (satisfied) {
                earnedWeight += applied.weight();
            } else if (applied.severity() == Severity.BLOCKER) {
                blockers.add(applied);
            }
        }
        int score = totalWeight == 0 ? 100 : (int) Math.round(100.0 * earnedWeight / totalWeight);
        return new Verdict(blockers.isEmpty(), score, results, blockers);
    }
}
