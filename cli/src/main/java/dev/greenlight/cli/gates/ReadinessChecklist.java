package dev.greenlight.cli.gates;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.output.Cells;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A readiness report as a checklist for people: the verdict on top, one line per rule in the pack's order, then what
 * stands between the release and the environment: blockers with their remediation, missing approvals, a freeze.
 */
final class ReadinessChecklist {
    private final Glyphs glyphs;

    ReadinessChecklist(Glyphs glyphs) {
        this.glyphs = requireNonNull(glyphs, "glyphs is null");
    }

    void print(JsonNode report, PrintWriter out) {
        out.println(header(report));
        printRules(report.path("rules"), out);
        printBlockers(report.path("blockers"), out);
        printMissingApprovals(report.path("approvals").path("missing"), out);
        printFreeze(report.path("freeze"), out);
    }

    /** "Release 1.4.2 of payments for prod: BLOCKED, score 40/100, pack acme/strict@1.0.0". */
    private static String header(JsonNode report) {
        JsonNode pack = report.path("pack");
        return "Release " + text(report, "release") + " of " + text(report, "project") + " for " + text(report, "environment") + ": "
                + text(report, "verdict").toUpperCase(Locale.ROOT) + ", score " + text(report, "score") + "/100, pack "
                + text(pack, "id") + "@" + text(pack, "version");
    }

    private void printRules(JsonNode rules, PrintWriter out) {
        int idWidth = rules.values().stream().mapToInt(rule -> text(rule, "id").length()).max().orElse(0);
        int titleWidth = rules.values().stream().mapToInt(rule -> text(rule, "title").length()).max().orElse(0);
        for (JsonNode rule : rules.values()) {
            String outcome = text(rule, "outcome");
            String line = "  " + glyphs.mark(outcome) + " " + padded(text(rule, "id"), idWidth) + "  " + padded(text(rule, "title"), titleWidth)
                    + "  " + detail(rule, outcome);
            // Passing rules have no detail: trailing spaces are noise in logs and diffs.
            out.println(line.stripTrailing());
        }
    }

    /** Why a rule did not simply pass; nothing for one that did. */
    private static String detail(JsonNode rule, String outcome) {
        String values = clean(RuleValues.compact(rule.path("values")));
        return switch (outcome) {
            case "pass" -> "";
            case "fail" -> values;
            case "waived" -> waiver(rule.path("waiver")) + (values.isEmpty() ? "" : ": " + values);
            case "missing-evidence" -> "missing evidence: " + rule.path("missingEvidence").values().stream()
                    .map(family -> clean(family.asString())).collect(Collectors.joining(", "));
            case "error" -> "error: " + text(rule, "error");
            default -> outcome + (values.isEmpty() ? "" : ": " + values);
        };
    }

    /** "waived (SEC-123) until 2025-06-08T00:00:00Z, approved by bob". */
    private static String waiver(JsonNode waiver) {
        if (waiver.isMissingNode() || waiver.isNull()) {
            return "waived";
        }
        return "waived (" + text(waiver, "ticket") + ") until " + text(waiver, "expiresAt") + ", approved by " + text(waiver, "approvedBy");
    }

    private static void printBlockers(JsonNode blockers, PrintWriter out) {
        if (blockers.isEmpty()) {
            return;
        }
        out.println();
        out.println("Blockers:");
        int width = blockers.values().stream().mapToInt(blocker -> text(blocker, "rule").length()).max().orElse(0);
        for (JsonNode blocker : blockers.values()) {
            out.println("  " + padded(text(blocker, "rule"), width) + "  " + text(blocker, "remediation"));
            JsonNode link = blocker.path("remediationLink");
            if (link.isString() && !link.stringValue().isBlank()) {
                out.println("  " + " ".repeat(width) + "  " + clean(link.stringValue()));
            }
        }
    }

    private void printMissingApprovals(JsonNode missing, PrintWriter out) {
        if (missing.isEmpty()) {
            return;
        }
        List<String> roles = new ArrayList<>();
        missing.values().forEach(role -> roles.add(text(role, "role") + " " + glyphs.times() + text(role, "missing")));
        out.println();
        out.println("Missing approvals: " + String.join(", ", roles));
    }

    private static void printFreeze(JsonNode freeze, PrintWriter out) {
        if (freeze.isMissingNode() || freeze.isNull()) {
            return;
        }
        out.println();
        JsonNode reason = freeze.path("reason");
        boolean hasReason = reason.isString() && !reason.stringValue().isBlank();
        out.println("Frozen" + (hasReason ? ": " + clean(reason.stringValue()) + "," : "") + " until " + text(freeze, "until"));
    }

    /** A field as one clean line: remediation texts are often YAML block scalars with line breaks. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? clean(value.stringValue()) : Cells.text(node, field);
    }

    private static String clean(String text) {
        return Cells.clean(text.strip().replaceAll("\\s+", " "));
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
