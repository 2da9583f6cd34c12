package dev.greenlight.server.gates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.Evaluation;
import dev.greenlight.policy.EvaluationInput;
import dev.greenlight.policy.Outcome;
import dev.greenlight.policy.Verdict;

/**
 * Computes a readiness report from gate inputs alone: no database, no clock. Readiness, decisions and their replays
 * all go through here, which is what makes a replay of the same inputs give the same verdict.
 */
final class GateEvaluator {
    private GateEvaluator() {
    }

    static ReadinessReport evaluate(CompiledPack pack, GateInputs inputs) {
        Evaluation evaluation = pack.evaluate(new EvaluationInput(inputs.facts(), inputs.parameters(), inputs.quarantine()));
        Map<String, GateInputs.WaiverInput> waiverByRule = new HashMap<>();
        // The waiver that lasts longest is the one shown; any of them would waive the rule.
        inputs.waivers().forEach(waiver -> waiverByRule.merge(waiver.rule(), waiver,
                (one, other) -> one.expiresAt().isAfter(other.expiresAt()) ? one : other));
        Verdict verdict = Verdict.of(evaluation, waiverByRule.keySet());
        List<ReadinessReport.RuleOutcome> rules = verdict.results().stream()
                .map(result -> ReadinessReport.RuleOutcome.of(result, result.outcome() == Outcome.WAIVED ? waiverByRule.get(result.ruleId()) : null))
                .toList();
        ReadinessReport.ApprovalStatus approvals = approvals(inputs);
        boolean ready = verdict.ready() && approvals.missing().isEmpty() && inputs.freeze() == null;
        return new ReadinessReport(inputs.project(), inputs.release(), inputs.environment(), inputs.pack(),
                ready ? ReadinessReport.READY : ReadinessReport.BLOCKED, verdict.score(), rules,
                verdict.blockers().stream().map(ReadinessReport.Blocker::of).toList(), approvals, inputs.freeze(),
                inputs.evidence(), inputs.factsDigest(), inputs.at());
    }

    /** Each approval counts once, for the role it was given in. */
    private static ReadinessReport.ApprovalStatus approvals(GateInputs inputs) {
        List<ReadinessReport.RequiredApprovalStatus> required = new ArrayList<>();
        List<ReadinessReport.MissingApproval> missing = new ArrayList<>();
        for (GateSettings.RequiredApproval requirement : inputs.requiredApprovals()) {
            List<String> approvers = inputs.approvals().stream().filter(approval -> approval.role().equals(requirement.role()))
                    .map(GateInputs.ApprovalInput::approver).toList();
            required.add(new ReadinessReport.RequiredApprovalStatus(requirement.role(), requirement.count(), approvers.size(), approvers));
            if (approvers.size() < requirement.count()) {
                missing.add(new ReadinessReport.MissingApproval(requirement.role(), requirement.count() - approvers.size()));
            }
        }
        return new ReadinessReport.ApprovalStatus(required, missing);
    }
}
