package dev.greenlight.cli.waivers;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import dev.greenlight.cli.output.Table;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How waivers look in a terminal. */
final class WaiverViews {
    private WaiverViews() {
    }

    static Table table(List<JsonNode> waivers) {
        Table table = Table.withColumns("ID", "ENVIRONMENT", "RULE", "STATUS", "EXPIRES", "REQUESTED BY", "DECIDED BY", "TICKET");
        waivers.forEach(waiver -> table.row(
                Cells.text(waiver, "id"),
                Cells.text(waiver, "environment"),
                Cells.text(waiver, "rule"),
                Cells.text(waiver, "status"),
                Cells.text(waiver, "expiresAt"),
                Cells.text(waiver, "requestedBy"),
                Cells.text(waiver, "decidedBy"),
                Cells.text(waiver, "ticket")));
        return table;
    }

    static void requested(JsonNode waiver, PrintWriter out) {
        out.println("Requested waiver " + Cells.text(waiver, "id") + "; a security lead or release captain must approve it.");
        details(waiver, out);
    }

    static void decided(JsonNode waiver, PrintWriter out) {
        out.println("Waiver " + Cells.text(waiver, "id") + " is " + Cells.text(waiver, "status") + ".");
        details(waiver, out);
    }

    static void details(JsonNode waiver, PrintWriter out) {
        new Details()
                .add("Id", Cells.text(waiver, "id"))
                .add("Project", Cells.text(waiver, "project"))
                .add("Release", Cells.text(waiver, "release"))
                .add("Environment", Cells.text(waiver, "environment"))
                .add("Rule", Cells.text(waiver, "rule"))
                .add("Status", Cells.text(waiver, "status"))
                .add("Expires", Cells.text(waiver, "expiresAt"))
                .add("Ticket", Cells.text(waiver, "ticket"))
                .add("Reason", Cells.text(waiver, "reason"))
                .add("Requested by", Cells.text(waiver, "requestedBy"))
                .add("Decided by", Cells.text(waiver, "decidedBy"))
                .add("Comment", Cells.text(waiver, "decisionComment"))
                .add("Revoked by", Cells.text(waiver, "revokedBy"))
                .add("Revoke reason", Cells.text(waiver, "revokeReason"))
                .print(out);
    }
}
