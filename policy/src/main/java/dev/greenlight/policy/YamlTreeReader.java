package dev.greenlight.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.LoadSettings;

import dev.greenlight.policy.PolicyException.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML document into a {@link YamlNode} tree, refusing what a pack never needs and an attacker could use:
 * documents over 1 MiB, nesting deeper than {@value #MAX_DEPTH}, anchors and aliases (so no "billion laughs"
 * expansion can happen: aliases are refused, not expanded), duplicate keys, non-string keys and more than one
 * document. Streaming, so every key keeps its line and column.
 */
final class YamlTreeReader {
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 32;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            // Duplicate keys are allowed here only so that this reader reports them itself, with both positions.
            .loadSettings(LoadSettings.builder().setCodePointLimit(MAX_BYTES).setAllowDuplicateKeys(true).build())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_BYTES)
                    .maxNumberLength(64)
                    .maxNameLength(1024)
                    .build())
            .build();

    private final YAMLParser parser;

    private YamlTreeReader(YAMLParser parser) {
        this.parser = parser;
    }

    /** @throws PolicyException for any of the refusals above, or YAML that does not parse */
    static YamlNode read(byte[] yaml) throws PolicyException {
        if (yaml.length > MAX_BYTES) {
            throw new PolicyException(new Problem(null, null, null,
                    "the pack is " + yaml.length + " bytes; packs are limited to " + MAX_BYTES + " bytes (1 MiB)"));
        }
        try (JsonParser jsonParser = FACTORY.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(yaml))) {
            YamlTreeReader reader = new YamlTreeReader((YAMLParser) jsonParser);
            JsonToken first = reader.parser.nextToken();
            if (first == null) {
                throw new PolicyException(new Problem(null, 1, 1, "the pack is empty"));
            }
            YamlNode root = reader.value(first, 1);
            if (reader.parser.nextToken() != null) {
                throw reader.problem("a pack is one YAML document; found more after the first");
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            Integer line = location == null || location.getLineNr() < 1 ? null : location.getLineNr();
            Integer column = location == null || location.getColumnNr() < 1 ? null : location.getColumnNr();
            throw new PolicyException(new Problem(null, line, column, "not valid YAML: " + e.getOriginalMessage()));
        }
    }

    private YamlNode value(JsonToken token, int depth) throws PolicyException {
        SourcePosition position = position();
        if (parser.isCurrentAlias()) {
            throw problem("YAML aliases (*" + parser.getString() + ") are not allowed in a pack");
        }
        if (parser.getObjectId() != null) {
            throw problem("YAML anchors (&" + parser.getObjectId() + ") are not allowed in a pack");
        }
        return switch (token) {
            case START_OBJECT -> mapping(position, depth);
            case START_ARRAY -> sequence(position, depth);
            case VALUE_STRING -> new YamlNode.Scalar(position, parser.getString());
            case VALUE_NUMBER_INT -> integer(position);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(position, parser.getDoubleValue());
            case VALUE_TRUE -> new YamlNode.Scalar(position, Boolean.TRUE);
            case VALUE_FALSE -> new YamlNode.Scalar(position, Boolean.FALSE);
            case VALUE_NULL -> new YamlNode.Scalar(position, null);
            default -> throw problem("unexpected YAML content (" + token + ")");
        };
    }

    private YamlNode integer(SourcePosition position) throws PolicyException {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw problem("the number " + parser.getString() + " is too large");
        }
        return new YamlNode.Scalar(position, parser.getLongValue());
    }

    private YamlNode mapping(SourcePosition position, int depth) throws PolicyException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.PROPERTY_NAME) {
                throw problem("unexpected YAML content in a mapping (" + token + ")");
            }
            SourcePosition keyPosition = position();
            if (parser.isCurrentAlias()) {
                throw problem("YAML aliases are not allowed in a pack");
            }
            String key = parser.currentName();
            YamlNode value = value(parser.nextToken(), depth + 1);
            YamlNode.Entry earlier = entries.putIfAbsent(key, new YamlNode.Entry(key, keyPosition, value));
            if (earlier != null) {
                throw new PolicyException(new Problem(null, keyPosition.line(), keyPosition.column(),
                        "duplicate key '" + key + "' (first at line " + earlier.keyPosition().line() + ")"));
            }
        }
        return new YamlNode.Mapping(position, entries);
    }

    private YamlNode sequence(SourcePosition position, int depth) throws PolicyException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(value(token, depth + 1));
        }
        return new YamlNode.Sequence(position, items);
    }

    private SourcePosition position() {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new SourcePosition(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private PolicyException problem(String message) {
        SourcePosition position = position();
        return new PolicyException(new Problem(null, position.line(), position.column(), message));
    }
}
