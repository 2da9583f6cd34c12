package dev.greenlight.cli.output;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Prints a command's result in the format the user chose. */
public final class ResultPrinter {
    private final PrintWriter out;
    private final OutputFormat format;

    public ResultPrinter(PrintWriter out, OutputFormat format) {
        this.out = requireNonNull(out, "out is null");
        this.format = requireNonNull(format, "format is null");
    }

    /** A whole list: one JSON array, or a table (a sentence instead when there is nothing to show). */
    public void list(List<JsonNode> items, Function<List<JsonNode>, Table> toTable, String whenEmpty) {
        if (format == OutputFormat.JSON) {
            out.println(PrettyJson.ofArray(items));
        } else if (items.isEmpty()) {
            out.println(whenEmpty);
        } else {
            toTable.apply(items).print(out);
        }
        out.flush();
    }

    /** Whether the user asked for JSON: commands that print their lines as they go need to know before they start. */
    public boolean isJson() {
        return format == OutputFormat.JSON;
    }

    /** Items as one JSON array, for commands that build their own results rather than print the server's. */
    public void array(List<JsonNode> items) {
        out.println(PrettyJson.ofArray(items));
        out.flush();
    }

    /** One resource: its JSON as the server sent it, or the human view. */
    public void item(JsonNode item, BiConsumer<JsonNode, PrintWriter> humanView) {
        if (format == OutputFormat.JSON) {
            out.println(PrettyJson.of(item));
        } else {
            humanView.accept(item, out);
        }
        out.flush();
    }
}
