package dev.greenlight.cli.gates;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import java.io.PrintWriter;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** How a recorded decision and its replay look in a terminal. */
final class DecisionViews {
    private final Glyphs glyphs;

    DecisionViews(Glyphs glyphs) {
        this.glyphs = requireNonNull(glyphs, "glyphs is null");
    }

    void recorded(JsonNode decision, PrintWriter out) {
        out.println("Recorded decision " + Cells.text(decision, "id") + ": " + Cells.text(decision, "verdict").toUpperCase(Locale.ROOT) + ".");
        new Details()
                .add("Id", Cells.text(decision, "id"))
                .add("Release", Cells.text(decision, "release") + " of " + Cells.text(decision, "project"))
                .add("Environment", Cells.text(decision, "environment"))
                .add("Verdict", Cells.text(decision, "verdict"))
                .add("Score", Cells.text(decision, "score"))
                .add("Pack", pack(decision.path("pack")))
                .add("Pack SHA-256", Cells.text(decision.path("pack"), "sha256"))
                .add("Inputs digest", Cells.text(decision, "inputsDigest"))
                .add("Ledger index", Cells.text(decision, "ledgerIndex"))
                .add("Decided by", Cells.text(decision, "decidedBy"))
                .add("Decided", Cells.text(decision, "decidedAt"))
                .print(out);
    }

    void replayed(JsonNode replay, PrintWriter out) {
        ReplayVerdict verdict = ReplayVerdict.of(replay);
        JsonNode same = replay.path("sameInputs");
        JsonNode today = replay.path("withTodaysPack");
        boolean packUnchanged = Cells.text(same.path("pack"), "sha256").equals(Cells.text(today.path("pack"), "sha256"));
        out.println("Replay of decision " + Cells.text(replay, "decision") + ": "
                + (verdict.reproduced() ? "reproduced." : "NOT reproduced."));
        new Details()
                .add("Inputs digest", Cells.text(replay, "inputsDigest"))
                .add("Inputs intact", verdict.inputsIntact() ? "yes" : "NO: the stored inputs no longer hash to the recorded digest")
                .add("Recorded pack", pack(same.path("pack")) + ": " + comparison(same))
                .add("Today's pack", pack(today.path("pack")) + (packUnchanged ? " (unchanged)" : "") + ": " + comparison(today))
                .print(out);
        printDifferences("Differences from the record with the recorded pack:", same.path("differences"), out);
        if (!packUnchanged) {
            printDifferences("Differences with today's pack:", today.path("differences"), out);
        }
    }

    /** "identical", or how many outcomes differ from the record. */
    private static String comparison(JsonNode run) {
        int count = run.path("differences").size();
        if (run.path("identical").booleanValue(false)) {
            return "identical";
        }
        return count == 1 ? "1 difference" : count + " differences";
    }

    /** One line per difference, "field  recorded → now"; "-" where a rule did not exist. */
    private void printDifferences(String heading, JsonNode differences, PrintWriter out) {
        if (differences.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading);
        int width = differences.values().stream().mapToInt(difference -> Cells.text(difference, "field").length()).max().orElse(0);
        for (JsonNode difference : differences.values()) {
            String field = Cells.text(difference, "field");
            out.println("  " + field + " ".repeat(width - field.length()) + "  " + Cells.text(difference, "recorded") + " " + glyphs.arrow()
                    + " " + Cells.text(difference, "now"));
        }
    }

    private static String pack(JsonNode pack) {
        return Cells.text(pack, "id") + "@" + Cells.text(pack, "version");
    }
}
