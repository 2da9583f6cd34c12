package dev.greenlight.evidence.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.EvidenceFacts;

/** Our own fixtures (src/test/resources/json) and inline documents, read through a parser. */
final class JsonFixtures {
    private JsonFixtures() {
    }

    static byte[] bytes(String fixture) {
        try (InputStream input = JsonFixtures.class.getResourceAsStream("/json/" + fixture)) {
            if (input == null) {
                throw new IllegalArgumentException("no fixture json/" + fixture);
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <F extends EvidenceFacts> F parseFixture(EvidenceParser parser, Class<F> facts, String fixture) {
        return parseFixture(parser, facts, fixture, ParseLimits.DEFAULT);
    }

    static <F extends EvidenceFacts> F parseFixture(EvidenceParser parser, Class<F> facts, String fixture, ParseLimits limits) {
        return facts.cast(parser.parse(new ByteArrayInputStream(bytes(fixture)), limits));
    }

    static <F extends EvidenceFacts> F parseText(EvidenceParser parser, Class<F> facts, String json) {
        return parseText(parser, facts, json, ParseLimits.DEFAULT);
    }

    static <F extends EvidenceFacts> F parseText(EvidenceParser parser, Class<F> facts, String json, ParseLimits limits) {
        return facts.cast(parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limits));
    }

    /** Default limits with a different listing limit. */
    static ParseLimits listingAtMost(int items) {
        ParseLimits defaults = ParseLimits.DEFAULT;
        return new ParseLimits(defaults.maxDepth(), defaults.maxStringLength(), defaults.maxDecompressedBytes(),
                defaults.maxCompressionRatio(), items);
    }
}
