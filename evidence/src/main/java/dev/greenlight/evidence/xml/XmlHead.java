package dev.greenlight.evidence.xml;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.ParseLimits;

/**
 * What the start of an XML file says about its format: the root element (name, namespace, attribute names), its
 * first child element and the DOCTYPE. Read with the same hardened parser as the files themselves, stopping at the
 * first child, so a head cut anywhere after the root's start tag is fine.
 *
 * @param firstChild the first child element's local name, null when the head ends before one (or there is none)
 * @param doctype the DOCTYPE declaration as written, null when there is none
 */
record XmlHead(String root, String namespace, Set<String> rootAttributes, @Nullable String firstChild, @Nullable String doctype) {

    XmlHead {
        rootAttributes = Set.copyOf(rootAttributes);
    }

    /** The head of an XML document, or empty when the bytes do not start like one. */
    static Optional<XmlHead> of(byte[] head) {
        if (!looksLikeXml(head)) {
            return Optional.empty();
        }
        XMLStreamReader reader = null;
        String doctype = null;
        String root = null;
        String namespace = "";
        Set<String> attributes = new HashSet<>();
        try {
            reader = SecureXmlFactory.create(ParseLimits.DEFAULT).createXMLStreamReader(new ByteArrayInputStream(head));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    doctype = reader.getText();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root != null) {
                        return Optional.of(new XmlHead(root, namespace, attributes, reader.getLocalName(), doctype));
                    }
                    root = reader.getLocalName();
                    namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        attributes.add(reader.getAttributeLocalName(i));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            // The head is cut mid-token, or not XML at all: what was read before says what it can.
        } finally {
            close(reader);
        }
        return root == null ? Optional.empty() : Optional.of(new XmlHead(root, namespace, attributes, null, doctype));
    }

    /** Whether the head shows a first child element and it has one of these names. */
    boolean firstChildIsOneOf(String... names) {
        return firstChild != null && Arrays.asList(names).contains(firstChild);
    }

    /** Whether the DOCTYPE mentions the text, ignoring case. */
    boolean doctypeMentions(String text) {
        return doctype != null && doctype.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    /** Cheap pre-check so that JSON and text files never reach the XML parser: a '<' first, after a BOM and spaces. */
    private static boolean looksLikeXml(byte[] head) {
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return true;
        }
        if (head.length >= 2 && (head[0] == 0 && head[1] == '<' || head[0] == '<' && head[1] == 0)) {
            return true;
        }
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    private static void close(@Nullable XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing to release but buffers.
            }
        }
    }
}
