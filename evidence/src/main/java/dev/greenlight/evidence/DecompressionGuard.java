package dev.greenlight.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops a gzip bomb: fails once the decompressed size passes the limit, or once it passes 1 MiB at a ratio to the
 * compressed bytes read so far above the limit (ordinary reports compress 5–50×; bombs thousands).
 */
final class DecompressionGuard extends FilterInputStream {
    private static final long RATIO_CHECK_AFTER = 1024 * 1024;

    private final CountingInputStream compressed;
    private final ParseLimits limits;
    private long decompressed;

    DecompressionGuard(InputStream decompressing, CountingInputStream compressed, ParseLimits limits) {
        super(decompressing);
        this.compressed = compressed;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            check(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            check(read);
        }
        return read;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(int read) {
        decompressed += read;
        if (decompressed > limits.maxDecompressedBytes()) {
            throw new EvidenceLimitException("The file decompresses to more than " + limits.maxDecompressedBytes() + " bytes.");
        }
        if (decompressed > RATIO_CHECK_AFTER && decompressed > (long) limits.maxCompressionRatio() * Math.max(1, compressed.count())) {
            throw new EvidenceLimitException("The file decompresses more than " + limits.maxCompressionRatio() + " times its compressed size: refused as a likely gzip bomb.");
        }
    }
}
