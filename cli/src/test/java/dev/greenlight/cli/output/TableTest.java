package dev.greenlight.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void alignsColumnsUnderTheirHeadersWithoutTrailingSpaces() {
        StringWriter text = new StringWriter();

        Table.withColumns("SLUG", "NAME", "CREATED")
                .row("payments", "Payments", "2025-06-01T12:00:00Z")
                .row("ui", "Web UI", "-")
                .print(new PrintWriter(text, true));

        assertThat(text.toString()).isEqualTo("""
                SLUG      NAME      CREATED
                payments  Payments  2025-06-01T12:00:00Z
                ui        Web UI    -
                """);
    }

    @Test
    void neutralisesControlCharactersFromTheServer() {
        StringWriter text = new StringWriter();

        Table.withColumns("NAME").row("evil\u001b[31mred").print(new PrintWriter(text, true));

        assertThat(text.toString()).doesNotContain("\u001b").contains("evil?[31mred");
    }
}
