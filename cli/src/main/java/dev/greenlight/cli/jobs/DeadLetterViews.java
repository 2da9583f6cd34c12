package dev.greenlight.cli.jobs;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import dev.greenlight.cli.output.Table;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How dead letters look in a terminal. */
final class DeadLetterViews {
    /** The error's start names the exception; the whole of it is in --output json. */
    private static final int ERROR_WIDTH = 80;

    private DeadLetterViews() {
    }

    static Table table(List<JsonNode> letters) {
        Table table = Table.withColumns("ID", "KIND", "KEY", "ATTEMPTS", "FAILED", "REPLAYED", "ERROR");
        letters.forEach(letter -> table.row(
                Cells.text(letter, "id"),
                Cells.text(letter, "kind"),
                Cells.text(letter, "key"),
                Cells.text(letter, "attempts"),
                Cells.text(letter, "failedAt"),
                Cells.text(letter, "replayedAt"),
                Cells.prefix(Cells.text(letter, "lastError"), ERROR_WIDTH)));
        return table;
    }

    static void replayed(JsonNode letter, PrintWriter out) {
        out.println("Replayed dead letter " + Cells.text(letter, "id") + " as job " + Cells.text(letter, "kind") + " "
                + Cells.text(letter, "replayKey") + ".");
        new Details()
                .add("Id", Cells.text(letter, "id"))
                .add("Kind", Cells.text(letter, "kind"))
                .add("Key", Cells.text(letter, "key"))
                .add("Priority", Cells.text(letter, "priority"))
                .add("Attempts", Cells.text(letter, "attempts"))
                .add("Last error", Cells.text(letter, "lastError"))
                .add("First enqueued", Cells.text(letter, "firstEnqueuedAt"))
                .add("Failed", Cells.text(letter, "failedAt"))
                .add("Replayed", Cells.text(letter, "replayedAt"))
                .add("Replayed by", Cells.text(letter, "replayedBy"))
                .add("Replay key", Cells.text(letter, "replayKey"))
                .print(out);
    }
}
