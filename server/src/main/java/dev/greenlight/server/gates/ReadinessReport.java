package dev.greenlight.server.gates;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.policy.RuleResult;

/**
 * A release's readiness for an environment, explained: each rule's outcome with the values it looked at, the score,
 * the blockers with their remediation, the approvals still missing and an active freeze. {@code verdict} is
 * {@code ready} only when no blocker rule is left unwaived, every required approval is given and no freeze holds.
 */
public record ReadinessReport(
        String project,
        String release,
        String environment,
        StoredPack.PackRef pack,
        String verdict,
        int score,
        List<RuleOutcome> rules,
        List<Blocker> blockers,
        ApprovalStatus approvals,
        GateInputs.@Nullable FreezeInput freeze,
        List<GateInputs.EvidenceInput> evidence,
        String factsDigest,
        Instant evaluatedAt) {

    static final String READY = "ready";
    static final String BLOCKED = "blocked";

    public boolean ready() {
        return READY.equals(verdict);
    }

    ReadinessReport at(Instant instant) {
        return new ReadinessReport(project, release, environment, pack, verdict, score, rules, blockers, approvals, freeze, evidence,
                factsDigest, instant);
    }

    /** What a replay compares: the verdict, the score, each rule's outcome, missing approvals and the freeze. */
    Map<String, Object> outcomes() {
        Map<String, Object> outcomes = new LinkedHashMap<>();
        outcomes.put("verdict", verdict);
        outcomes.put("score", (long) score);
        Map<String, Object> byRule = new LinkedHashMap<>();
        rules.forEach(rule -> byRule.put(rule.id(), rule.outcome()));
        outcomes.put("rules", byRule);
        outcomes.put("missingApprovals", approvals.missing().stream()
                .map(one -> Map.of("role", one.role(), "missing", (long) one.missing())).toList());
        outcomes.put("frozen", freeze != null);
        return outcomes;
    }

    public record RuleOutcome(String id, String title, String severity, int weight, String outcome, Map<String, Object> values,
            List<String> missingEvidence, @Nullable String error, String remediation, @Nullable String remediationLink,
            @Nullable AppliedWaiver waiver) {
        static RuleOutcome of(RuleResult result, GateInputs.@Nullable WaiverInput waiver) {
            return new RuleOutcome(result.ruleId(), result.title(), result.severity().wireName(), result.weight(), result.outcome().wireName(),
                    result.values(), result.missingEvidence(), result.error(), result.remediation().text(), result.remediation().link(),
                    waiver == null ? null : new AppliedWaiver(waiver.id(), waiver.reason(), waiver.ticket(), waiver.expiresAt(), waiver.approvedBy()));
        }
    }

    public record AppliedWaiver(String id, String reason, String ticket, Instant expiresAt, String approvedBy) {
    }

    public record Blocker(String rule, String title, String outcome, String remediation, @Nullable String remediationLink) {
        static Blocker of(RuleResult result) {
            return new Blocker(result.ruleId(), result.title(), result.outcome().wireName(), result.remediation().text(),
                    result.remediation().link());
        }
    }

    public record ApprovalStatus(List<RequiredApprovalStatus> required, List<MissingApproval> missing) {
    }

    public record RequiredApprovalStatus(String role, int count, int given, List<String> approvers) {
    }

    public record MissingApproval(String role, int missing) {
    }
}
