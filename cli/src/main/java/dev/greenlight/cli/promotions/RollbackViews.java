package dev.greenlight.cli.promotions;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import java.io.PrintWriter;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** How a rollback looks in a terminal. */
final class RollbackViews {
    private RollbackViews() {
    }

    /** Right after the request: the deployer has been asked, or is about to be. */
    static void accepted(JsonNode rollback, PrintWriter out) {
        out.println("Rollback " + Cells.text(rollback, "id") + " of " + Cells.text(rollback, "environment") + " accepted: "
                + Cells.text(rollback, "from") + " -> " + Cells.text(rollback, "to") + ", " + Cells.text(rollback, "state") + ".");
        details(rollback, out);
    }

    /** After following it: how it ended, or where it stood when the wait ran out. */
    static void followed(JsonNode rollback, PrintWriter out) {
        out.println("Rollback " + Cells.text(rollback, "id") + " of " + Cells.text(rollback, "environment") + ": "
                + Cells.text(rollback, "from") + " -> " + Cells.text(rollback, "to") + ", "
                + Cells.text(rollback, "state").toUpperCase(Locale.ROOT) + ".");
        details(rollback, out);
    }

    private static void details(JsonNode rollback, PrintWriter out) {
        new Details()
                .add("Id", Cells.text(rollback, "id"))
                .add("Project", Cells.text(rollback, "project"))
                .add("Environment", Cells.text(rollback, "environment"))
                .add("From", Cells.text(rollback, "from"))
                .add("To", Cells.text(rollback, "to"))
                .add("State", Cells.text(rollback, "state"))
                .add("Reason", Cells.text(rollback, "reason"))
                .add("Promotion", Cells.text(rollback, "promotion"))
                .add("Automatic", rollback.path("automatic").asBoolean(false) ? "yes" : "no")
                .add("Requested by", Cells.text(rollback, "requestedBy"))
                .add("Requested", Cells.text(rollback, "requestedAt"))
                .add("Completed", Cells.text(rollback, "completedAt"))
                .add("Failure", Cells.text(rollback, "failure"))
                .print(out);
    }
}
