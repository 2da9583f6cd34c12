package dev.greenlight.server.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Stores bytes under their SHA-256. Content arrives in two steps: {@link #stage} streams it aside while hashing and
 * counting, so that it can be checked (parsed, deduplicated) before anything is kept; {@link #commit} then makes it
 * durable. A staged blob that is closed without a commit leaves nothing behind.
 */
public interface BlobStore {

    /**
     * Streams {@code content} to the staging area.
     *
     * @throws BlobTooLargeException once more than {@code maxBytes} arrive; nothing stays staged
     */
    StagedBlob stage(InputStream content, long maxBytes) throws IOException;

    /** Makes a staged blob durable under its SHA-256; when that content is already stored, only discards the stage. */
    void commit(StagedBlob blob) throws IOException;

    /** The stored blob with this SHA-256 (lowercase hex), if any. */
    Optional<Blob> find(String sha256);

    /** Content being staged: its digest and size are known, its bytes can be read back until it is closed. */
    interface StagedBlob extends AutoCloseable {
        String sha256();

        long size();

        InputStream open() throws IOException;

        /** Discards the staged bytes unless they were committed. */
        @Override
        void close();
    }

    /** A stored blob. */
    interface Blob {
        String sha256();

        long size();

        InputStream open() throws IOException;
    }
}
