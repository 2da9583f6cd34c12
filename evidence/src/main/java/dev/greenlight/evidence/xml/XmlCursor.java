package dev.greenlight.evidence.xml;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceException;
import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;

/**
 * Walks an untrusted XML document element by element, enforcing the depth and string-length limits and turning
 * every parser failure into an {@link EvidenceFormatException} with its line and column (or the
 * {@link EvidenceLimitException} or read failure that caused it). The parsers see only start and end elements;
 * text is read on request with {@link #text(int)}, keeping no more than they ask for.
 */
final class XmlCursor implements AutoCloseable {
    private final XMLStreamReader reader;
    private final MarkupSizeGuard input;
    private final EvidenceType format;
    private final ParseLimits limits;
    /** Local names of the open elements, root first. */
    private final List<String> openElements = new ArrayList<>();

    private boolean atStart;
    private String name = "";
    private int depth;
    private long textRun;
    private @Nullable StringBuilder collected;
    private int collectLimit;

    private XmlCursor(XMLStreamReader reader, MarkupSizeGuard input, EvidenceType format, ParseLimits limits) {
        this.reader = reader;
        this.input = input;
        this.format = format;
        this.limits = limits;
    }

    static XmlCursor open(InputStream source, ParseLimits limits, EvidenceType format) {
        requireNonNull(source, "source is null");
        requireNonNull(limits, "limits is null");
        BufferedInputStream buffered = new BufferedInputStream(source, 8192);
        MarkupSizeGuard guarded = new MarkupSizeGuard(buffered, peek(buffered), limits);
        try {
            return new XmlCursor(SecureXmlFactory.create(limits).createXMLStreamReader(guarded), guarded, format, limits);
        } catch (XMLStreamException | RuntimeException e) {
            throw failure(e, guarded, format, null);
        }
    }

    /**
     * Advances to the next start or end element.
     *
     * @return false at the end of the document
     */
    boolean next() {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        enter();
                        return true;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        leave();
                        return true;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> readText();
                    default -> textRun = 0;
                }
            }
            return false;
        } catch (XMLStreamException | RuntimeException e) {
            throw failure(e, input, format, reader);
        }
    }

    /** Moves to the root element and returns its local name. */
    String openRoot() {
        if (!next()) {
            throw problem("the document has no root element");
        }
        return name;
    }

    boolean isStart() {
        return atStart;
    }

    boolean isEnd() {
        return !atStart;
    }

    /** The local name of the element the cursor is at (its start or its end). */
    String name() {
        return name;
    }

    /** The namespace URI of the element the cursor is at, empty when it has none. */
    String namespace() {
        String namespace = reader.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    /** 1 for the root element, 2 for its children... */
    int depth() {
        return depth;
    }

    /** The local name of the enclosing element {@code levels} up (1 = the parent), or "" above the root. */
    String ancestor(int levels) {
        int index = (atStart ? openElements.size() - 1 : openElements.size()) - levels;
        return index >= 0 && index < openElements.size() ? openElements.get(index) : "";
    }

    /** An attribute of the start element the cursor is at, by local name; null when absent. */
    @Nullable String attribute(String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * At a start element: reads through to its end element and returns the first {@code keep} characters of the text
     * inside it (untrimmed). Text beyond that is read and dropped.
     */
    String text(int keep) {
        requireStart("text");
        int elementDepth = depth;
        collected = new StringBuilder(Math.min(keep, 256));
        collectLimit = keep;
        try {
            while (next()) {
                if (isEnd() && depth == elementDepth) {
                    break;
                }
            }
            return collected.toString();
        } finally {
            collected = null;
        }
    }

    /**
     * Moves to the next child of the element at {@code parentDepth} (which the caller must read through, with
     * {@link #text}, {@link #skip} or its own loop), skipping children in other namespaces than {@code namespace}
     * when that is not null.
     *
     * @return false once at the parent's end element
     */
    boolean nextChild(int parentDepth, @Nullable String namespace) {
        while (next()) {
            if (atStart && depth == parentDepth + 1 && (namespace == null || namespace.equals(namespace()))) {
                return true;
            }
            if (atStart) {
                skip();
            } else if (depth <= parentDepth) {
                return false;
            }
        }
        return false;
    }

    /** {@link #nextChild(int, String)} in any namespace. */
    boolean nextChild(int parentDepth) {
        return nextChild(parentDepth, null);
    }

    /** At a start element: reads through to its end element, ignoring what is inside. */
    void skip() {
        requireStart("skip");
        int elementDepth = depth;
        while (next()) {
            if (isEnd() && depth == elementDepth) {
                return;
            }
        }
    }

    /** A format error at the cursor's position. */
    EvidenceFormatException problem(String description) {
        return new EvidenceFormatException(format, location(reader.getLocation()), description);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing only releases the parser's buffers; the caller owns the stream.
        }
    }

    private void enter() {
        atStart = true;
        textRun = 0;
        name = reader.getLocalName();
        openElements.add(name);
        depth = openElements.size();
        if (depth > limits.maxDepth()) {
            throw new EvidenceLimitException("The XML nests elements deeper than " + limits.maxDepth() + " levels (at "
                    + location(reader.getLocation()) + "): refused.");
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            checkLength(reader.getAttributeValue(i).length());
        }
    }

    private void leave() {
        atStart = false;
        textRun = 0;
        name = reader.getLocalName();
        depth = openElements.size();
        openElements.removeLast();
    }

    private void readText() {
        int length = reader.getTextLength();
        textRun += length;
        checkLength(textRun);
        StringBuilder target = collected;
        if (target != null && target.length() < collectLimit) {
            target.append(reader.getTextCharacters(), reader.getTextStart(), Math.min(length, collectLimit - target.length()));
        }
    }

    private void checkLength(long length) {
        if (length > limits.maxStringLength()) {
            throw new EvidenceLimitException("The XML has a text or attribute value longer than " + limits.maxStringLength()
                    + " characters (at " + location(reader.getLocation()) + "): refused.");
        }
    }

    private void requireStart(String operation) {
        if (!atStart) {
            throw new IllegalStateException(operation + " needs the cursor at a start element");
        }
    }

    private static byte[] peek(BufferedInputStream buffered) {
        try {
            buffered.mark(4);
            byte[] first = buffered.readNBytes(4);
            buffered.reset();
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to throw for an exception out of the JDK parser. */
    private static RuntimeException failure(Exception exception, MarkupSizeGuard input, EvidenceType format, @Nullable XMLStreamReader reader) {
        // A limit hit inside a read surfaces through the parser, wrapped or not: it wins over the parser's wording.
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof EvidenceException evidenceException) {
                return evidenceException;
            }
        }
        IOException readFailure = input.readFailure();
        if (readFailure != null) {
            return new UncheckedIOException(readFailure);
        }
        Location location = exception instanceof XMLStreamException streamException && streamException.getLocation() != null
                ? streamException.getLocation()
                : reader == null ? null : reader.getLocation();
        return new EvidenceFormatException(format, location(location), describe(exception), exception);
    }

    private static String describe(Exception exception) {
        if (!(exception instanceof XMLStreamException)) {
            // The JDK parser failing in an unexpected way on broken input is still broken input.
            return "not well-formed XML (" + exception.getClass().getSimpleName() + ")";
        }
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        // The JDK prefixes its messages with "ParseError at [row,col]:[1,85]\nMessage: "; the location is reported apart.
        int start = message.indexOf("Message: ");
        String text = (start >= 0 ? message.substring(start + "Message: ".length()) : message).strip();
        return text.isEmpty() ? "not well-formed XML" : text;
    }

    private static String location(@Nullable Location location) {
        if (location == null || location.getLineNumber() < 1) {
            return "line 1, column 1";
        }
        return "line " + location.getLineNumber() + ", column " + Math.max(1, location.getColumnNumber());
    }
}
