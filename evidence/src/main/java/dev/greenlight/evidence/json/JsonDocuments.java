package dev.greenlight.evidence.json;

import static java.util.Objects.requireNonNull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;

/**
 * The one place JSON parsers are made: Jackson streaming parsers whose read constraints come from {@link ParseLimits},
 * and the mapping of Jackson's failures onto the evidence exceptions (constraint violations are limits, everything
 * else is a format error with its JSON pointer and, for syntax errors, line and column).
 */
final class JsonDocuments {
    /** Longest number literal; real reports never come near it and longer ones only cost parsing time. */
    private static final int MAX_NUMBER_LENGTH = 1000;
    /** Longest property name; Jackson's default, which no evidence format comes near. */
    private static final int MAX_NAME_LENGTH = 50_000;

    private static final Map<ParseLimits, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

    private JsonDocuments() {
    }

    /**
     * Parses one JSON document: {@code reader} is called with the cursor on the first token and must consume exactly the
     * root value; anything after it is a format error.
     */
    static <T> T read(EvidenceType format, InputStream input, ParseLimits limits, Function<JsonCursor, T> reader) {
        return read(format, input, limits, "", reader);
    }

    /**
     * Like {@link #read(EvidenceType, InputStream, ParseLimits, Function)}, with every error location prefixed (a DSSE
     * payload's errors are located inside the payload).
     */
    static <T> T read(EvidenceType format, InputStream input, ParseLimits limits, String locationPrefix, Function<JsonCursor, T> reader) {
        return run(format, input, limits, locationPrefix, cursor -> {
            T result = reader.apply(cursor);
            if (cursor.nextRoot()) {
                throw cursor.error("unexpected content after the end of the JSON document");
            }
            return result;
        });
    }

    /**
     * Parses a sequence of JSON documents (JSON Lines, or documents one after another): {@code reader} is called once per
     * root value and must consume it. Returns how many there were.
     */
    static int readEach(EvidenceType format, InputStream input, ParseLimits limits, Consumer<JsonCursor> reader) {
        return run(format, input, limits, "", cursor -> {
            int count = 0;
            do {
                reader.accept(cursor);
                count++;
            } while (cursor.nextRoot());
            return count;
        });
    }

    private static <T> T run(EvidenceType format, InputStream input, ParseLimits limits, String locationPrefix, Function<JsonCursor, T> reader) {
        requireNonNull(input, "input is null");
        JsonCursor cursor = null;
        try (JsonParser parser = factory(limits).createParser(ObjectReadContext.empty(), new ReadFailures(input))) {
            cursor = new JsonCursor(parser, format, limits, locationPrefix);
            if (parser.nextToken() == null) {
                throw new EvidenceFormatException(format, locationPrefix + "/", "the file is empty");
            }
            return reader.apply(cursor);
        } catch (StreamConstraintsException e) {
            throw new EvidenceLimitException(format.wireName() + ": " + limitProblem(e), e);
        } catch (JacksonIOException e) {
            // Failures to read the stream pass through Jackson as UncheckedIOException (see ReadFailures); what Jackson
            // reports as I/O is its own decoding of UTF-16 or UTF-32, which the bytes broke: malformed input.
            String pointer = cursor == null ? locationPrefix + "/" : cursor.pointer();
            throw new EvidenceFormatException(format, pointer, "not valid JSON: " + e.getCause().getMessage(), e);
        } catch (JacksonException e) {
            String pointer = cursor == null ? locationPrefix + "/" : cursor.pointer();
            throw new EvidenceFormatException(format, withLineAndColumn(pointer, e.getLocation()), syntaxProblem(e), e);
        }
    }

    /** A parser for a detection head: default-like constraints, the same features. */
    static JsonParser headParser(byte[] head) {
        return factory(ParseLimits.DEFAULT).createParser(ObjectReadContext.empty(), head);
    }

    static JsonFactory factory(ParseLimits limits) {
        if (FACTORIES.size() > 16) {
            FACTORIES.clear();
        }
        return FACTORIES.computeIfAbsent(limits, JsonDocuments::newFactory);
    }

    private static JsonFactory newFactory(ParseLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(Math.min(MAX_NUMBER_LENGTH, limits.maxStringLength()))
                .maxNameLength(Math.min(MAX_NAME_LENGTH, limits.maxStringLength()))
                // The document length is bounded by the upload and decompression limits, not here.
                .maxDocumentLength(-1)
                .maxTokenCount(-1)
                .build();
        return JsonFactory.builder()
                .streamReadConstraints(constraints)
                // The caller owns the stream.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                // Interned names would let a hostile file fill the JVM's string table with distinct names.
                .disable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
                // Duplicates are detected where they matter: among the keys a parser reads (JsonCursor). Jackson's own
                // detection keeps every name of an object, so a very wide object would cost memory the facts do not bound.
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static String withLineAndColumn(String pointer, TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return pointer;
        }
        return pointer + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * Turns the stream's own read failures into {@link UncheckedIOException}, which Jackson lets through, so that they
     * are told apart from the decoding errors Jackson also reports as I/O.
     */
    private static final class ReadFailures extends FilterInputStream {
        ReadFailures(InputStream input) {
            super(input);
        }

        @Override
        public int read() {
            try {
                return super.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            // The caller owns the stream.
        }
    }

    /** Jackson's message without the name of its setting, which means nothing to the person who uploaded the file. */
    private static String limitProblem(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        return message == null ? "the file exceeds a safety limit" : message.replaceAll(", from `[^`]*`", "").strip();
    }

    /** Jackson's message without its source description, which names no file here. */
    private static String syntaxProblem(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "not valid JSON";
        }
        return "not valid JSON: " + message.replaceAll(" ?\\(start marker at \\[Source: [^]]*]\\)", "")
                .replaceAll("\\[Source: [^]]*]", "").strip();
    }
}
