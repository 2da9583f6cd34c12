package dev.greenlight.cli.auth;

import dev.greenlight.cli.client.ServerAddress;
import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;

/** Shows who an API key belongs to, from {@code GET /api/v1/me}. */
final class IdentityView {
    private IdentityView() {
    }

    static String signedInAs(JsonNode me) {
        return Cells.text(me, "name") + " (" + Cells.text(me, "kind") + ") in workspace " + Cells.text(me.path("workspace"), "slug");
    }

    static void print(ServerAddress server, JsonNode me, PrintWriter out) {
        JsonNode workspace = me.path("workspace");
        new Details()
                .add("Server", server.toString())
                .add("Name", Cells.text(me, "name"))
                .add("Kind", Cells.text(me, "kind"))
                .add("Display name", Cells.text(me, "displayName"))
                .add("Workspace", Cells.text(workspace, "slug") + " (" + Cells.text(workspace, "name") + ")")
                .add("Instance admin", me.path("instanceAdmin").asBoolean(false) ? "yes" : "no")
                .print(out);
    }
}
