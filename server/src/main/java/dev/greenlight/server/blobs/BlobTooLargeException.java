package dev.greenlight.server.blobs;

import java.io.IOException;

/** More bytes arrived than the caller allowed; what was staged is already discarded. */
public final class BlobTooLargeException extends IOException {
    private final long limit;

    BlobTooLargeException(long limit) {
        super("The content exceeds the limit of " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
