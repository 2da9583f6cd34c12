package dev.greenlight.evidence;

import java.io.InputStream;

import dev.greenlight.evidence.facts.EvidenceFacts;

/**
 * Turns one format into facts, streaming: memory is bounded by the facts kept, not by the file. Implementations
 * throw only {@link EvidenceFormatException} (malformed input, with its location) and {@link EvidenceLimitException}
 * (a safety limit), never anything else for bad input.
 */
public interface EvidenceParser {

    EvidenceType type();

    /**
     * Parses already-decompressed bytes.
     *
     * @throws EvidenceFormatException if the input is not valid for this format
     * @throws EvidenceLimitException if it exceeds a limit
     * @throws java.io.UncheckedIOException if reading the stream fails
     */
    EvidenceFacts parse(InputStream input, ParseLimits limits);

    /**
     * Whether the first bytes of a file (up to 64 KiB, decompressed, possibly cut mid-token) look like this format.
     * Decides by content, never by file name: real files named {@code *-cdx.json} are sometimes SPDX.
     */
    boolean recognizes(byte[] head);
}
