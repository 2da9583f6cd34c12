package dev.greenlight.server.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.gates.ReadinessReport;

/**
 * One rule of a release's checklist as the page shows it: the outcome in words and as a symbol (never colour alone),
 * the values the rule looked at, and what to do about it.
 *
 * @param blocking the rule is one of the report's blockers: it fails or lacks evidence, and no waiver covers it
 */
record ChecklistItem(String id, String title, String severity, String outcome, String outcomeLabel, String symbol, boolean blocking,
        List<String> values, List<String> missingEvidence, @Nullable String error, String remediation, @Nullable String remediationLink,
        @Nullable String waiver) {

    /** Blockers first, then the other rules that did not pass, then those that did; the pack's order within each. */
    static List<ChecklistItem> of(ReadinessReport report) {
        Set<String> blockers = report.blockers().stream().map(ReadinessReport.Blocker::rule).collect(Collectors.toSet());
        return report.rules().stream()
                .map(rule -> of(rule, blockers.contains(rule.id())))
                .sorted(Comparator.comparingInt(ChecklistItem::rank))
                .toList();
    }

    private static ChecklistItem of(ReadinessReport.RuleOutcome rule, boolean blocking) {
        ReadinessReport.AppliedWaiver waiver = rule.waiver();
        return new ChecklistItem(rule.id(), rule.title(), rule.severity(), rule.outcome(), label(rule.outcome()), symbol(rule.outcome()),
                blocking, values(rule.values()), rule.missingEvidence(), rule.error(), rule.remediation(), safeLink(rule.remediationLink()),
                waiver == null ? null : "waived by " + waiver.approvedBy() + " until " + waiver.expiresAt() + " (" + waiver.ticket() + ")");
    }

    public boolean passed() {
        return "pass".equals(outcome);
    }

    /** Whether a waiver could help: the rule did not pass and is not waived already. */
    public boolean waivable() {
        return !passed() && !"waived".equals(outcome);
    }

    private int rank() {
        return blocking ? 0 : passed() ? 2 : 1;
    }

    private static String label(String outcome) {
        return switch (outcome) {
            case "pass" -> "Pass";
            case "fail" -> "Fail";
            case "waived" -> "Waived";
            case "missing-evidence" -> "Missing evidence";
            case "error" -> "Error";
            default -> outcome;
        };
    }

    private static String symbol(String outcome) {
        return switch (outcome) {
            case "pass" -> "✓";
            case "fail" -> "✗";
            case "waived" -> "≈";
            case "missing-evidence" -> "?";
            default -> "!";
        };
    }

    private static List<String> values(Map<String, Object> values) {
        return values.entrySet().stream().map(entry -> entry.getKey() + " = " + entry.getValue()).toList();
    }

    /** Packs are written by people; only web links become links, never {@code javascript:} or other schemes. */
    private static @Nullable String safeLink(@Nullable String link) {
        if (link == null) {
            return null;
        }
        String lower = link.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? link.strip() : null;
    }
}
