package dev.greenlight.evidence;

/**
 * Safety limits applied while reading untrusted files. Parsers stream and keep only facts, so these bound what an
 * attacker (or a broken tool) can make a parser hold or do.
 *
 * @param maxDepth deepest XML element or JSON container nesting
 * @param maxStringLength longest single JSON string or XML text/attribute value, in characters
 * @param maxDecompressedBytes largest gzip-decompressed size
 * @param maxCompressionRatio largest decompressed/compressed size ratio (gzip bombs have ratios in the thousands)
 * @param maxListedItems most items kept in a facts list (components, findings, results, failed and flaky tests, files);
 *     beyond it the parser keeps counting but stops listing, and the list's truncation flag says so: every count
 *     covers all items of the file, listed or not. Lists that nothing counts (VEX statements, provenance subjects, k6
 *     thresholds, distinct licenses, SARIF rules) refuse instead: more is an {@link EvidenceLimitException}
 */
public record ParseLimits(int maxDepth, int maxStringLength, long maxDecompressedBytes, int maxCompressionRatio, int maxListedItems) {
    public static final ParseLimits DEFAULT = new ParseLimits(200, 10 * 1024 * 1024, 2L * 1024 * 1024 * 1024, 200, 100_000);

    public ParseLimits {
        if (maxDepth < 1 || maxStringLength < 1 || maxDecompressedBytes < 1 || maxCompressionRatio < 1 || maxListedItems < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
