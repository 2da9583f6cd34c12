package dev.greenlight.cli.releases;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import dev.greenlight.cli.output.Table;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** How releases look in a terminal. */
final class ReleaseViews {
    /** As many characters of a commit as git itself shows in short form for large repositories. */
    private static final int SHORT_COMMIT = 12;

    private ReleaseViews() {
    }

    static Table table(List<JsonNode> releases) {
        Table table = Table.withColumns("VERSION", "COMMIT", "ARTIFACTS", "AUTHOR", "CREATED");
        releases.forEach(release -> table.row(
                Cells.text(release, "version"),
                Cells.prefix(Cells.text(release, "commitSha"), SHORT_COMMIT),
                Integer.toString(release.path("artifacts").size()),
                Cells.text(release, "author"),
                Cells.text(release, "createdAt")));
        return table;
    }

    static void created(JsonNode release, PrintWriter out) {
        out.println("Created release " + Cells.text(release, "version") + ".");
        details(release, out);
    }

    static void details(JsonNode release, PrintWriter out) {
        new Details()
                .add("Version", Cells.text(release, "version"))
                .add("Commit", Cells.text(release, "commitSha"))
                .add("Commit time", Cells.text(release, "commitTime"))
                .add("Author", Cells.text(release, "author"))
                .add("Created", Cells.text(release, "createdAt"))
                .add("Created by", Cells.text(release, "createdBy"))
                .add("Artifacts", release.path("artifacts").isEmpty() ? "none" : Integer.toString(release.path("artifacts").size()))
                .print(out);
        if (!release.path("artifacts").isEmpty()) {
            out.println();
            Table artifacts = Table.withColumns("ARTIFACT", "SHA-256");
            release.path("artifacts").forEach(artifact -> artifacts.row(Cells.text(artifact, "name"), Cells.text(artifact, "sha256")));
            artifacts.print(out);
        }
    }
}
