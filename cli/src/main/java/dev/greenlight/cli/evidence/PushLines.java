package dev.greenlight.cli.evidence;

import dev.greenlight.cli.client.ApiProblem;
import dev.greenlight.cli.output.Cells;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The human result of {@code push}: one line per file, printed as soon as the file is done, then a
 * tally. Columns are aligned without waiting for every answer: the outcome and type columns are as
 * wide as their longest word, the file column as its longest name (all known before the first
 * upload), and the summary is padded to {@link #SUMMARY_WIDTH}, which the usual summaries fit in.
 * <pre>
 * added     junit      build/TEST-Cart.xml  3 tests, 1 failed                       sha256:4f1c2f7a1e0a  ledger #42
 * rejected  junit      build/broken.xml     malformed-evidence: The file is not valid junit at line 3, ...
 * 2 files: 1 added, 0 existing, 1 rejected
 * </pre>
 */
final class PushLines {
    static final int OUTCOME_WIDTH = "existing".length();
    static final int TYPE_WIDTH = "cyclonedx".length();
    static final int SUMMARY_WIDTH = 38;
    static final int SHORT_SHA256 = 12;

    /** Shown as the type of a file nobody recognised. */
    static final String UNKNOWN_TYPE = "?";

    private static final String GAP = "  ";

    private final int fileWidth;

    PushLines(List<PushTarget> targets) {
        this.fileWidth = targets.stream().mapToInt(target -> Cells.clean(target.display()).length()).max().orElse(0);
    }

    String line(PushResult result) {
        StringBuilder line = new StringBuilder()
                .append(padded(result.outcome().word(), OUTCOME_WIDTH)).append(GAP)
                .append(padded(type(result), TYPE_WIDTH)).append(GAP)
                .append(padded(Cells.clean(result.file()), fileWidth)).append(GAP);
        if (result.evidence() != null) {
            line.append(accepted(result.evidence(), result.type()));
        } else if (result.problem() != null) {
            line.append(problem(result.problem()));
        } else {
            line.append(Cells.clean(result.reason() == null ? "" : result.reason()));
        }
        return line.toString().stripTrailing();
    }

    /** {@code 3 files: 2 added, 1 existing, 0 rejected}, and the missing and skipped when there are any. */
    static String tally(List<PushResult> results) {
        return counted(results.size(), "file", "files") + ": " + counts(results);
    }

    /** For a push that stopped at a failure concerning every file: how far it got. */
    static String stopped(List<PushResult> results, int total) {
        return "Stopped after " + results.size() + " of " + counted(total, "file", "files") + ": " + counts(results) + ".";
    }

    /** {@code malformed-evidence: detail}, or the HTTP status and title of a problem without a Greenlight type. */
    static String problem(ApiProblem problem) {
        String kind = problem.slug() != null ? problem.slug() : "HTTP " + problem.status() + " " + problem.title();
        String detail = problem.detail();
        return Cells.clean(detail == null || detail.isBlank() ? kind : kind + ": " + detail);
    }

    private static String accepted(JsonNode evidence, @Nullable String type) {
        List<String> columns = new ArrayList<>();
        columns.add(padded(EvidenceSummaries.of(type, evidence.path("summary")), SUMMARY_WIDTH));
        if (evidence.path("sha256").isString()) {
            columns.add("sha256:" + Cells.prefix(Cells.text(evidence, "sha256"), SHORT_SHA256));
        }
        if (evidence.path("ledgerIndex").isNumber()) {
            columns.add("ledger #" + evidence.path("ledgerIndex").longValue());
        }
        return String.join(GAP, columns);
    }

    private static String type(PushResult result) {
        if (!result.outcome().accepted() && result.outcome() != Outcome.REJECTED) {
            return Cells.ABSENT;
        }
        String type = result.type();
        return type == null ? UNKNOWN_TYPE : Cells.clean(type);
    }

    private static String counts(List<PushResult> results) {
        List<String> counts = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            long n = results.stream().filter(result -> result.outcome() == outcome).count();
            // Missing and skipped files are rare: mentioned only when they happened.
            if (n > 0 || outcome.accepted() || outcome == Outcome.REJECTED) {
                counts.add(n + " " + outcome.word());
            }
        }
        return String.join(", ", counts);
    }

    private static String counted(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String padded(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
