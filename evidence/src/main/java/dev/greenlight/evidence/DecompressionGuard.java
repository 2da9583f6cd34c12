package dev.greenlight.evidence;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

import org.jspecify.annotations.Nullable;

/**
 * Stops a gzip bomb: fails once the decompressed size passes the limit, or once it passes 1 MiB at a ratio to the
 * compressed bytes read so far above the limit (ordinary reports compress 5–50×; bombs thousands). Compressed data
 * that is corrupt or cut short is bad content, not a failure to read: an {@link EvidenceFormatException} of the
 * format once it is known, else an {@link UnknownEvidenceFormatException}.
 */
final class DecompressionGuard extends FilterInputStream {
    private static final long RATIO_CHECK_AFTER = 1024 * 1024;

    private final CountingInputStream compressed;
    private final ParseLimits limits;
    private @Nullable EvidenceType format;
    private long decompressed;

    DecompressionGuard(InputStream decompressing, CountingInputStream compressed, ParseLimits limits, @Nullable EvidenceType format) {
        super(decompressing);
        this.compressed = compressed;
        this.limits = limits;
        this.format = format;
    }

    /** The format the content was detected as, once it is known. */
    void format(EvidenceType detected) {
        format = detected;
    }

    @Override
    public int read() throws IOException {
        int value;
        try {
            value = super.read();
        } catch (ZipException | EOFException e) {
            throw corrupt(e, format, decompressed);
        }
        if (value >= 0) {
            check(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read;
        try {
            read = super.read(buffer, offset, length);
        } catch (ZipException | EOFException e) {
            throw corrupt(e, format, decompressed);
        }
        if (read > 0) {
            check(read);
        }
        return read;
    }

    /** What broken gzip data (a bad header, deflate stream or checksum, or the end missing) is reported as. */
    static EvidenceException corrupt(IOException cause, @Nullable EvidenceType format, long decompressed) {
        String problem = "the gzip data is corrupt or cut short (" + cause.getMessage() + ")";
        if (format == null) {
            return new UnknownEvidenceFormatException("The file is gzip-compressed, but " + problem + ".");
        }
        return new EvidenceFormatException(format, "byte " + decompressed + " of the decompressed content", problem, cause);
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
