package dev.greenlight.cli.policy;

import dev.greenlight.policy.PolicyPack;
import dev.greenlight.policy.RuleResult;
import dev.greenlight.policy.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A verdict as a checklist for people: the verdict on top, one line per rule in pack order with why it did not pass,
 * then the blockers with their remediation.
 */
final class VerdictChecklist {
    private VerdictChecklist() {
    }

    static void print(PolicyPack pack, Verdict verdict, PrintWriter out) {
        out.println("Pack " + pack.id() + "@" + pack.version() + ": " + (verdict.ready() ? "READY" : "BLOCKED") + ", score "
                + verdict.score() + "/100");
        List<RuleResult> results = verdict.results();
        int outcomeWidth = results.stream().mapToInt(result -> result.outcome().wireName().length()).max().orElse(0);
        int idWidth = results.stream().mapToInt(result -> result.ruleId().length()).max().orElse(0);
        int titleWidth = results.stream().mapToInt(result -> Text.oneLine(result.title()).length()).max().orElse(0);
        for (RuleResult result : results) {
            String line = "  " + Text.padded(result.outcome().wireName().toUpperCase(Locale.ROOT), outcomeWidth) + "  "
                    + Text.padded(result.ruleId(), idWidth) + "  " + Text.padded(Text.oneLine(result.title()), titleWidth) + "  "
                    + detail(result);
            // Passing rules have no detail: trailing spaces are noise in logs and diffs.
            out.println(line.stripTrailing());
        }
        printBlockers(verdict.blockers(), out);
    }

    /** Why a rule did not simply pass; nothing for one that did. */
    private static String detail(RuleResult result) {
        return switch (result.outcome()) {
            case PASS -> "";
            case FAIL, WAIVED -> values(result.values());
            case MISSING_EVIDENCE -> "missing: " + String.join(", ", result.missingEvidence());
            case ERROR -> "error: " + Text.oneLine(String.valueOf(result.error()));
        };
    }

    /** The scalar values a rule read, {@code name=value}; lists and maps are summarised by their size. */
    private static String values(Map<String, Object> values) {
        return values.entrySet().stream().map(entry -> entry.getKey() + "=" + switch (entry.getValue()) {
            case List<?> list -> "[" + list.size() + (list.size() >= 20 ? "+" : "") + " items]";
            case Map<?, ?> map -> "{" + map.size() + " entries}";
            case null -> "null";
            case Object scalar -> Text.oneLine(String.valueOf(scalar));
        }).collect(Collectors.joining(" "));
    }

    private static void printBlockers(List<RuleResult> blockers, PrintWriter out) {
        if (blockers.isEmpty()) {
            return;
        }
        out.println();
        out.println("Blockers:");
        int width = blockers.stream().mapToInt(blocker -> blocker.ruleId().length()).max().orElse(0);
        for (RuleResult blocker : blockers) {
            out.println("  " + Text.padded(blocker.ruleId(), width) + "  " + Text.oneLine(blocker.remediation().text()));
            if (blocker.remediation().link() != null) {
                out.println("  " + " ".repeat(width) + "  " + Text.oneLine(blocker.remediation().link()));
            }
        }
    }
}
