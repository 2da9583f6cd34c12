package dev.greenlight.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultPrinterTest {
    private final StringWriter text = new StringWriter();

    @Test
    void printsAListAsOnePrettyJsonArray() {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> items = List.of(json.readTree("{\"slug\":\"a\",\"tags\":[1,2]}"), json.readTree("{\"slug\":\"b\"}"));

        new ResultPrinter(new PrintWriter(text), OutputFormat.JSON).list(items, ignored -> Table.withColumns("X"), "none");

        assertThat(text.toString()).isEqualTo("""
                [
                  {
                    "slug": "a",
                    "tags": [
                      1,
                      2
                    ]
                  },
                  {
                    "slug": "b"
                  }
                ]
                """);
    }

    @Test
    void printsAnEmptyListAsEmptyJsonArrayOrASentence() {
        new ResultPrinter(new PrintWriter(text), OutputFormat.JSON).list(List.of(), ignored -> Table.withColumns("X"), "No projects yet.");
        new ResultPrinter(new PrintWriter(text), OutputFormat.TABLE).list(List.of(), ignored -> Table.withColumns("X"), "No projects yet.");

        assertThat(text.toString()).isEqualTo("[]\nNo projects yet.\n");
    }
}
