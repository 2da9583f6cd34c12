package dev.greenlight.cli.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: directories are created with mode {@code 0700}, files are written
 * with mode {@code 0600} to a temporary file first and then moved into place, so a crash never
 * leaves half a file behind.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code directory} (mode {@code 0700}) unless it exists. The directories between
     * {@code privateRoot} and it are created private too; those above {@code privateRoot} with the
     * default mode. {@code directory} must be {@code privateRoot} or below it.
     */
    public static void createDirectories(Path privateRoot, Path directory) throws IOException {
        requireNonNull(privateRoot, "privateRoot is null");
        requireNonNull(directory, "directory is null");
        Path root = privateRoot.toAbsolutePath().normalize();
        Path target = directory.toAbsolutePath().normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException(directory + " is not inside " + privateRoot);
        }
        if (Files.isDirectory(target)) {
            return;
        }
        createDirectory(root);
        Path current = root;
        for (Path name : root.relativize(target)) {
            current = current.resolve(name);
            createDirectory(current);
        }
    }

    /** Replaces {@code file} atomically with {@code content}, readable only by its owner. */
    public static void write(Path file, String content) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(content, "content is null");
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + "-", ".tmp",
                permissions(OWNER_ONLY_FILE));
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.createDirectory(directory, permissions(OWNER_ONLY_DIRECTORY));
    }

    private static FileAttribute<?>[] permissions(Set<PosixFilePermission> permissions) {
        // Windows has no POSIX modes; there the user's profile directory is already private.
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
}
