package dev.greenlight.bench.evidence;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * "Read the bytes and count the elements" with the library each parser uses, configured the same way, doing nothing
 * else: the floor a streaming parser on that library cannot go below.
 */
final class Baselines {
    /** Jackson configured as the evidence library's JsonDocuments configures it for the default limits. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(10 * 1024 * 1024)
                    .maxNumberLength(1000)
                    .maxNameLength(50_000)
                    .maxDocumentLength(-1)
                    .maxTokenCount(-1)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Baselines() {
    }

    /**
     * The JDK's StAX parser configured like the evidence library's SecureXmlFactory (no DTD, no external entities or
     * resources, namespace-aware, uncoalesced text, the same jdk.xml limits), made per document as the parsers do.
     */
    static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never loaded (" + systemId + ")");
        });
        factory.setProperty("jdk.xml.entityExpansionLimit", "64");
        factory.setProperty("jdk.xml.entityReplacementLimit", "1024");
        factory.setProperty("jdk.xml.maxParameterEntitySizeLimit", "1024");
        factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "0");
        factory.setProperty("jdk.xml.totalEntitySizeLimit", "0");
        factory.setProperty("jdk.xml.elementAttributeLimit", "1000");
        factory.setProperty("jdk.xml.maxElementDepth", "201");
        return factory;
    }

    /** Start elements, counted with an XMLStreamReader. */
    static long xml(byte[] bytes) throws XMLStreamException {
        XMLStreamReader reader = xmlFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
        long elements = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                elements++;
            }
        }
        reader.close();
        return elements;
    }

    /** Tokens, counted with a jackson-core JsonParser. */
    static long json(byte[] bytes) {
        long tokens = 0;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(bytes))) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /** Lines, counted with a BufferedReader over UTF-8. */
    static long text(byte[] bytes) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            long lines = 0;
            while (reader.readLine() != null) {
                lines++;
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long count(Format.Syntax syntax, byte[] bytes) throws XMLStreamException {
        return switch (syntax) {
            case XML -> xml(bytes);
            case JSON -> json(bytes);
            case TEXT -> text(bytes);
        };
    }
}
