package dev.greenlight.cli.gates;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The few members of a readiness report that decide the exit code and fit on one progress line.
 *
 * @param missingApprovals how many approvals are still needed, over all roles
 */
record ReadinessSummary(String verdict, int score, int blockers, int missingApprovals, boolean frozen) {
    static final String READY = "ready";

    ReadinessSummary {
        requireNonNull(verdict, "verdict is null");
    }

    /** @throws UnreadableReportException when the answer has no verdict: guessing one would turn an error into a verdict */
    static ReadinessSummary of(JsonNode report) {
        JsonNode verdict = report.path("verdict");
        if (!verdict.isString() || verdict.stringValue().isBlank()) {
            throw new UnreadableReportException("The server's readiness answer has no verdict.");
        }
        int missing = report.path("approvals").path("missing").values().stream()
                .mapToInt(one -> one.path("missing").intValue(0))
                .sum();
        JsonNode freeze = report.path("freeze");
        return new ReadinessSummary(verdict.stringValue(), report.path("score").intValue(0), report.path("blockers").size(), missing,
                !freeze.isMissingNode() && !freeze.isNull());
    }

    boolean ready() {
        return READY.equals(verdict);
    }

    /** "BLOCKED, score 40, 2 blockers, 1 approval missing, frozen". */
    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(verdict.toUpperCase(Locale.ROOT));
        parts.add("score " + score);
        if (blockers > 0) {
            parts.add(blockers + (blockers == 1 ? " blocker" : " blockers"));
        }
        if (missingApprovals > 0) {
            parts.add(missingApprovals + (missingApprovals == 1 ? " approval missing" : " approvals missing"));
        }
        if (frozen) {
            parts.add("frozen");
        }
        return String.join(", ", parts);
    }
}
