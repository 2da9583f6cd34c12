package dev.greenlight.server.blobs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files: {@code <root>/sha256/ab/cd/abcd…} (two levels of fan-out keep directories small), staged in
 * {@code <root>/staging} on the same file system so that a commit is an atomic rename. A commit fsyncs the file and
 * then its directory, so a blob reported stored survives a crash or power loss; a crash while staging leaves only a
 * staging file, removed at the next start.
 */
final class FileBlobStore implements BlobStore {
    private static final Logger log = LoggerFactory.getLogger(FileBlobStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path blobs;
    private final Path staging;

    FileBlobStore(Path root) {
        this.blobs = requireNonNull(root, "root is null").resolve("sha256");
        this.staging = root.resolve("staging");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob store under " + root, e);
        }
        removeAbandonedStaging();
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        Path file = staging.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        boolean complete = false;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), digest)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int read; (read = content.read(buffer)) >= 0; ) {
                size += read;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return new FileStagedBlob(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    @Override
    public void commit(StagedBlob blob) throws IOException {
        if (!(blob instanceof FileStagedBlob staged) || staged.closed) {
            throw new IllegalArgumentException("not an open blob staged by this store");
        }
        Path target = pathOf(staged.sha256);
        if (Files.exists(target)) {
            staged.close();
            return;
        }
        try (FileChannel channel = FileChannel.open(staged.file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // A concurrent commit of the same content won the rename (or the platform refused to replace): same bytes.
            if (!Files.exists(target)) {
                throw e;
            }
            staged.close();
            return;
        }
        staged.committed = true;
        forceDirectory(target.getParent());
        forceDirectory(target.getParent().getParent());
        forceDirectory(target.getParent().getParent().getParent());
    }

    @Override
    public Optional<Blob> find(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path file = pathOf(sha256);
        try {
            long size = Files.size(file);
            return Optional.of(new FileBlob(file, sha256, size));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pathOf(String sha256) {
        return blobs.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** A directory's fsync persists the names in it (the rename); Linux allows it, some platforms refuse: best effort there. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("cannot fsync directory {}: {}", directory, e.getMessage());
        }
    }

    private void removeAbandonedStaging() {
        try (DirectoryStream<Path> abandoned = Files.newDirectoryStream(staging, "*.part")) {
            for (Path file : abandoned) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("cannot clean the blob staging directory: {}", e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static final class FileStagedBlob implements StagedBlob {
        private final Path file;
        private final String sha256;
        private final long size;
        private boolean committed;
        private boolean closed;

        FileStagedBlob(Path file, String sha256, long size) {
            this.file = file;
            this.sha256 = sha256;
            this.size = size;
        }

        @Override
        public String sha256() {
            return sha256;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            if (closed || committed) {
                throw new IllegalStateException("the staged blob is gone");
            }
            return Files.newInputStream(file);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!committed) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("cannot delete a staged blob: {}", e.getMessage());
                }
            }
        }
    }

    private record FileBlob(Path file, String sha256, long size) implements Blob {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
