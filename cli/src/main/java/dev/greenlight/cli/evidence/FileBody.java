package dev.greenlight.cli.evidence;

import static java.util.Objects.requireNonNull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A file as a request body, read from disk as it is sent (never held in memory), counted for the
 * progress report, with its length declared up front. Remembers a read failure, so that a file that
 * cannot be read is not mistaken for a network that failed, and closes what it opened.
 */
final class FileBody implements AutoCloseable {
    private final Path file;
    private final long size;
    private final UploadProgress progress;
    private final List<InputStream> opened = new ArrayList<>();
    private @Nullable IOException readFailure;

    FileBody(Path file, long size, UploadProgress progress) {
        this.file = requireNonNull(file, "file is null");
        this.size = size;
        this.progress = requireNonNull(progress, "progress is null");
    }

    HttpRequest.BodyPublisher publisher() {
        if (size == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        // A declared length lets the server refuse an oversized file before reading it.
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::open), size);
    }

    synchronized @Nullable IOException readFailure() {
        return readFailure;
    }

    private synchronized InputStream open() {
        try {
            InputStream stream = new Counting(Files.newInputStream(file));
            opened.add(stream);
            return stream;
        } catch (IOException e) {
            readFailure = e;
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void failed(IOException e) {
        readFailure = e;
    }

    @Override
    public synchronized void close() {
        for (InputStream stream : opened) {
            try {
                stream.close();
            } catch (IOException e) {
                // Nothing was written; a failed close of a file opened for reading loses nothing.
            }
        }
        opened.clear();
    }

    /** Counts what was read and reports it; notes a read failure before passing it on. */
    private final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = guarded(in::read);
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = guarded(() -> in.read(buffer, offset, length));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            progress.sent(count);
        }

        private int guarded(Read read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                failed(e);
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface Read {
        int read() throws IOException;
    }
}
