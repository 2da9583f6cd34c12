package dev.greenlight.evidence;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.json.JsonFormats;
import dev.greenlight.evidence.text.TextFormats;
import dev.greenlight.evidence.xml.XmlFormats;

/**
 * Reads one evidence file: decompresses gzip (within size and ratio limits), detects the format from the content
 * unless one is declared, and parses it with the matching parser.
 */
public final class EvidenceReader {
    /** How much of the start of a file detection looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private final List<EvidenceParser> parsers;
    private final ParseLimits limits;

    public EvidenceReader(List<EvidenceParser> parsers, ParseLimits limits) {
        this.parsers = List.copyOf(requireNonNull(parsers, "parsers is null"));
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** Every format Greenlight reads, in detection order, with the default limits. */
    public static EvidenceReader standard() {
        return standard(ParseLimits.DEFAULT);
    }

    public static EvidenceReader standard(ParseLimits limits) {
        List<EvidenceParser> all = new ArrayList<>();
        all.addAll(XmlFormats.parsers());
        all.addAll(JsonFormats.parsers());
        all.addAll(TextFormats.parsers());
        return new EvidenceReader(all, limits);
    }

    /**
     * Reads a file.
     *
     * @param declared the type the uploader named, or null to detect it from the content
     * @throws UnknownEvidenceFormatException if no format recognises the content (and none was declared), or its gzip
     *     data is broken before a format could be recognised
     * @throws EvidenceFormatException if the content breaks its format (or its gzip data breaks after that)
     * @throws EvidenceLimitException if it exceeds a safety limit
     */
    public ParsedEvidence read(InputStream input, @Nullable EvidenceType declared) {
        try {
            InputStream content = decompressIfGzip(input, declared);
            BufferedInputStream buffered = new BufferedInputStream(content, HEAD_BYTES);
            buffered.mark(HEAD_BYTES);
            byte[] head = buffered.readNBytes(HEAD_BYTES);
            buffered.reset();
            EvidenceParser parser = declared == null ? detect(head) : parserFor(declared, head);
            if (content instanceof DecompressionGuard guard) {
                guard.format(parser.type());
            }
            return new ParsedEvidence(parser.type(), parser.parse(buffered, limits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The format the start of a file looks like, if any. */
    public Optional<EvidenceType> detect(InputStream input) {
        try {
            byte[] head = new BufferedInputStream(decompressIfGzip(input, null)).readNBytes(HEAD_BYTES);
            return parsers.stream().filter(parser -> parser.recognizes(head)).map(EvidenceParser::type).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EvidenceParser detect(byte[] head) {
        return parsers.stream().filter(parser -> parser.recognizes(head)).findFirst()
                .orElseThrow(() -> new UnknownEvidenceFormatException(
                        "The content is none of the formats Greenlight reads (JUnit XML, JaCoCo, Cobertura, LCOV, CycloneDX, SPDX, "
                                + "SARIF, Trivy, Grype, k6, OpenVEX, in-toto); name the type explicitly if it is one of them."));
    }

    /** A declared type may have several parsers (CycloneDX is JSON or XML): the one that recognises the content wins. */
    private EvidenceParser parserFor(EvidenceType declared, byte[] head) {
        List<EvidenceParser> candidates = parsers.stream().filter(parser -> parser.type() == declared).toList();
        if (candidates.isEmpty()) {
            throw new UnknownEvidenceFormatException("No parser for " + declared.wireName() + ".");
        }
        return candidates.stream().filter(parser -> parser.recognizes(head)).findFirst().orElse(candidates.getFirst());
    }

    private InputStream decompressIfGzip(InputStream input, @Nullable EvidenceType declared) throws IOException {
        BufferedInputStream buffered = input instanceof BufferedInputStream already ? already : new BufferedInputStream(input);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first != 0x1f || second != 0x8b) {
            return buffered;
        }
        CountingInputStream compressed = new CountingInputStream(buffered);
        GZIPInputStream decompressing;
        try {
            decompressing = new GZIPInputStream(compressed, 8192);
        } catch (ZipException | EOFException e) {
            throw DecompressionGuard.corrupt(e, declared, 0);
        }
        return new DecompressionGuard(decompressing, compressed, limits, declared);
    }
}
