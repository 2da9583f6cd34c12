package dev.greenlight.evidence.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import dev.greenlight.evidence.ParseLimits;

/**
 * The one place the XML parsers get a StAX factory from, configured for untrusted files.
 *
 * <p>DTDs are not processed at all, so no entity can be declared: a reference to anything but the five predefined
 * entities and character references is a well-formedness error (which is how XXE and "billion laughs" documents
 * fail, in microseconds). External DTDs (JaCoCo's {@code report.dtd}, Cobertura's {@code coverage-04.dtd}) are
 * never fetched. Entity replacement stays on on purpose: turned off, the JDK parser would hand an undeclared
 * {@code &xxe;} over as a harmless-looking ENTITY_REFERENCE event instead of failing.
 *
 * <p>Text is read uncoalesced: the JDK parser then hands text over in chunks of at most 16K characters, and
 * {@link XmlCursor} joins the pieces itself under the string-length limit. Coalescing would build a whole text node
 * in memory before any limit could apply.
 */
final class SecureXmlFactory {
    /** Entities cannot be declared with DTDs off; these limits are a second line of defence. */
    private static final String ENTITY_LIMIT = "64";
    private static final String ENTITY_SIZE_LIMIT = "1024";
    /**
     * No limit. The JDK counts every predefined entity reference in the document ({@code &lt;} in a stack trace)
     * against these two, so its default of 100,000 (JDK 24+) rejects a large JUnit report with many escaped stack
     * traces. With DTDs off, predefined entities are all there is, and each one is shorter than its reference.
     */
    private static final String PREDEFINED_ENTITY_TOTAL = "0";

    private SecureXmlFactory() {
    }

    static XMLInputFactory create(ParseLimits limits) {
        // The JDK's own implementation, whatever else is on the class path, so these settings mean what they say.
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
        factory.setProperty("jdk.xml.entityExpansionLimit", ENTITY_LIMIT);
        factory.setProperty("jdk.xml.entityReplacementLimit", ENTITY_SIZE_LIMIT);
        factory.setProperty("jdk.xml.maxParameterEntitySizeLimit", ENTITY_SIZE_LIMIT);
        factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", PREDEFINED_ENTITY_TOTAL);
        factory.setProperty("jdk.xml.totalEntitySizeLimit", PREDEFINED_ENTITY_TOTAL);
        factory.setProperty("jdk.xml.elementAttributeLimit", "1000");
        // XmlCursor enforces the depth limit with its own message; this only backs it up.
        factory.setProperty("jdk.xml.maxElementDepth", String.valueOf(Math.min(limits.maxDepth(), Integer.MAX_VALUE - 1) + 1));
        return factory;
    }
}
