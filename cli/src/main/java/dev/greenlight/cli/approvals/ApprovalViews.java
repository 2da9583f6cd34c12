package dev.greenlight.cli.approvals;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import dev.greenlight.cli.output.Table;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How approvals look in a terminal. */
final class ApprovalViews {
    /** Enough of a digest to tell two artifact sets apart at a glance. */
    private static final int SHORT_DIGEST = 12;

    private ApprovalViews() {
    }

    static Table table(List<JsonNode> approvals) {
        Table table = Table.withColumns("ID", "ENVIRONMENT", "ROLE", "APPROVER", "APPROVED", "VALID", "ARTIFACTS");
        approvals.forEach(approval -> table.row(
                Cells.text(approval, "id"),
                Cells.text(approval, "environment"),
                Cells.text(approval, "role"),
                Cells.text(approval, "approver"),
                Cells.text(approval, "approvedAt"),
                validity(approval),
                Cells.prefix(Cells.text(approval, "artifactsDigest"), SHORT_DIGEST)));
        return table;
    }

    static void granted(JsonNode approval, PrintWriter out) {
        out.println("Approved release " + Cells.text(approval, "release") + " for " + Cells.text(approval, "environment")
                + " as " + Cells.text(approval, "role") + ".");
        new Details()
                .add("Id", Cells.text(approval, "id"))
                .add("Project", Cells.text(approval, "project"))
                .add("Release", Cells.text(approval, "release"))
                .add("Environment", Cells.text(approval, "environment"))
                .add("Role", Cells.text(approval, "role"))
                .add("Approver", Cells.text(approval, "approver"))
                .add("Approved", Cells.text(approval, "approvedAt"))
                .add("Artifacts", Cells.text(approval, "artifactsDigest"))
                .add("Comment", Cells.text(approval, "comment"))
                .print(out);
    }

    /** "yes", or "no (why)": an approval lapses when the artifacts change or it is withdrawn. */
    private static String validity(JsonNode approval) {
        return approval.path("valid").asBoolean() ? "yes" : "no (" + Cells.text(approval, "invalidReason") + ")";
    }
}
