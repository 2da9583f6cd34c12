package dev.greenlight.cli.evidence;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.evidence.EvidenceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A few words from the {@code summary} the server answers an upload with: what a person checks at a
 * glance after pushing ({@code 3 tests, 1 failed}, {@code lines 81.5%, branches 62.0%}).
 */
final class EvidenceSummaries {
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "negligible", "unknown");
    private static final List<Counted> LEVELS = List.of(
            new Counted("error", "error", "errors"), new Counted("warning", "warning", "warnings"),
            new Counted("note", "note", "notes"), new Counted("none", "without level", "without level"));

    private EvidenceSummaries() {
    }

    static String of(@Nullable String type, JsonNode summary) {
        if (!summary.isObject() || summary.isEmpty()) {
            return Cells.ABSENT;
        }
        EvidenceType known = type == null ? null : EvidenceType.fromWireName(type).orElse(null);
        if (known == null) {
            return generic(summary);
        }
        return Cells.clean(switch (known.family()) {
            case TESTS -> tests(summary);
            case COVERAGE -> coverage(summary);
            case SBOM -> sbom(summary);
            case VULNERABILITIES -> vulnerabilities(summary);
            case SAST -> sast(summary);
            case PERFORMANCE -> performance(summary);
            case VEX -> counted(count(summary, "statements"), "statement", "statements");
            case PROVENANCE -> provenance(summary);
        });
    }

    static String tests(JsonNode summary) {
        List<String> parts = new ArrayList<>();
        parts.add(counted(count(summary, "total"), "test", "tests"));
        parts.add(count(summary, "failed") + " failed");
        nonZero(parts, summary, "errors", "error", "errors");
        nonZero(parts, summary, "skipped", "skipped", "skipped");
        nonZero(parts, summary, "flaky", "flaky", "flaky");
        return String.join(", ", parts);
    }

    static String coverage(JsonNode summary) {
        List<String> parts = new ArrayList<>();
        for (String counter : List.of("lines", "branches")) {
            long covered = count(summary.path(counter), "covered");
            long total = covered + count(summary.path(counter), "missed");
            if (total > 0) {
                // Rounded down: 99.96 % covered is not 100.0 %.
                parts.add(String.format(Locale.ROOT, "%s %.1f%%", counter, Math.floor(covered * 1000.0 / total) / 10));
            }
        }
        return parts.isEmpty() ? "nothing to cover" : String.join(", ", parts);
    }

    static String sbom(JsonNode summary) {
        List<String> parts = new ArrayList<>();
        parts.add(counted(count(summary, "componentCount"), "component", "components"));
        nonZero(parts, summary, "licenses", "license", "licenses");
        nonZero(parts, summary, "vulnerabilities", "vulnerability", "vulnerabilities");
        return String.join(", ", parts);
    }

    static String vulnerabilities(JsonNode summary) {
        long total = count(summary, "total");
        if (total == 0) {
            return "no vulnerabilities";
        }
        List<String> severities = new ArrayList<>();
        for (String severity : SEVERITIES) {
            long n = count(summary.path("bySeverity"), severity);
            if (n > 0) {
                severities.add(n + " " + severity);
            }
        }
        String counted = counted(total, "vulnerability", "vulnerabilities");
        return severities.isEmpty() ? counted : counted + ": " + String.join(", ", severities);
    }

    static String sast(JsonNode summary) {
        long total = count(summary, "total");
        if (total == 0) {
            return "no results";
        }
        List<String> levels = new ArrayList<>();
        LEVELS.forEach(level -> nonZero(levels, summary.path("byLevel"), level.field(), level.one(), level.many()));
        String counted = counted(total, "result", "results");
        return levels.isEmpty() ? counted : counted + ": " + String.join(", ", levels);
    }

    static String performance(JsonNode summary) {
        List<String> parts = new ArrayList<>();
        if (summary.path("p95Ms").isNumber()) {
            parts.add(String.format(Locale.ROOT, "p95 %.1f ms", summary.path("p95Ms").doubleValue()));
        }
        if (summary.path("errorRate").isNumber()) {
            parts.add(String.format(Locale.ROOT, "%.2f%% errors", summary.path("errorRate").doubleValue() * 100));
        }
        if (summary.path("thresholdsPassed").isBoolean()) {
            parts.add(summary.path("thresholdsPassed").booleanValue() ? "thresholds passed" : "thresholds failed");
        }
        return parts.isEmpty() ? Cells.ABSENT : String.join(", ", parts);
    }

    static String provenance(JsonNode summary) {
        String subjects = counted(count(summary, "subjects"), "subject", "subjects");
        JsonNode commit = summary.path("commit");
        return commit.isString() && !commit.stringValue().isEmpty()
                ? subjects + ", commit " + Cells.prefix(commit.stringValue(), 12) : subjects;
    }

    /** For a type this CLI does not know yet: its plain values, as {@code name=value}. */
    static String generic(JsonNode summary) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : summary.properties()) {
            if (member.getValue().isValueNode() && !member.getValue().isNull()) {
                parts.add(member.getKey() + "=" + (member.getValue().isString() ? member.getValue().stringValue() : member.getValue().toString()));
            }
        }
        return parts.isEmpty() ? Cells.ABSENT : Cells.clean(String.join(", ", parts));
    }

    private static void nonZero(List<String> parts, JsonNode summary, String field, String one, String many) {
        long n = count(summary, field);
        if (n > 0) {
            parts.add(counted(n, one, many));
        }
    }

    private static String counted(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static long count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.longValue() : 0;
    }

    /** A summary field and how to name its count. */
    private record Counted(String field, String one, String many) {
    }
}
