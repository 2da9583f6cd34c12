package dev.greenlight.cli.output;

import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** JSON as people and {@code jq} both like it: two-space indent, one value per line, "key": value. */
final class PrettyJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = JSON.writer().with(prettyPrinter());

    private PrettyJson() {
    }

    static String of(JsonNode node) {
        return WRITER.writeValueAsString(node);
    }

    static String ofArray(List<JsonNode> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(array::add);
        return of(array);
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter newlineIndenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(newlineIndenter)
                .withArrayIndenter(newlineIndenter);
    }
}
