package dev.greenlight.cli.evidence;

import java.util.Locale;

/**
 * The {@code Content-Type} an evidence file is sent with, from its name. The server detects the
 * format from the content either way; the media type is kept with the file and decides how it is
 * served back for download.
 */
final class ContentTypes {
    static final String XML = "application/xml";
    static final String JSON = "application/json";
    static final String GZIP = "application/gzip";
    static final String TEXT = "text/plain";
    static final String BYTES = "application/octet-stream";

    private ContentTypes() {
    }

    static String of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return XML;
        }
        // SARIF files are JSON by definition, whatever their extension says.
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".sarif")) {
            return JSON;
        }
        if (name.endsWith(".gz")) {
            return GZIP;
        }
        // LCOV tracefiles: lcov.info, coverage.lcov.
        if (name.endsWith(".info") || name.endsWith(".lcov")) {
            return TEXT;
        }
        return BYTES;
    }
}
