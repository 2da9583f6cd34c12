package dev.greenlight.cli.projects;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import dev.greenlight.cli.output.Table;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How projects look in a terminal. */
final class ProjectViews {
    private ProjectViews() {
    }

    static Table table(List<JsonNode> projects) {
        Table table = Table.withColumns("SLUG", "NAME", "CREATED", "DESCRIPTION");
        projects.forEach(project -> table.row(
                Cells.text(project, "slug"), Cells.text(project, "name"),
                Cells.text(project, "createdAt"), Cells.text(project, "description")));
        return table;
    }

    static void created(JsonNode project, PrintWriter out) {
        out.println("Created project " + Cells.text(project, "slug") + ".");
        new Details()
                .add("Slug", Cells.text(project, "slug"))
                .add("Name", Cells.text(project, "name"))
                .add("Description", Cells.text(project, "description"))
                .add("Created", Cells.text(project, "createdAt"))
                .print(out);
    }
}
