package dev.greenlight.cli.environments;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import dev.greenlight.cli.output.Table;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How environments look in a terminal. */
final class EnvironmentViews {
    private EnvironmentViews() {
    }

    static Table table(List<JsonNode> environments) {
        Table table = Table.withColumns("POSITION", "NAME", "CREATED");
        environments.forEach(environment -> table.row(
                Cells.text(environment, "position"), Cells.text(environment, "name"), Cells.text(environment, "createdAt")));
        return table;
    }

    static void created(JsonNode environment, PrintWriter out) {
        out.println("Created environment " + Cells.text(environment, "name") + ".");
        new Details()
                .add("Name", Cells.text(environment, "name"))
                .add("Position", Cells.text(environment, "position"))
                .add("Created", Cells.text(environment, "createdAt"))
                .print(out);
    }
}
