package dev.greenlight.cli.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files a user names on the command line; any failure is an error (exit code 2), never a verdict. */
final class InputFiles {
    /**
     * Far above any proof (a checkpoint and at most 63 hashes), entry (at most 65,535 bytes) or key
     * list, and small enough that naming a disk image by mistake fails fast instead of filling memory.
     */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private InputFiles() {
    }

    /** The exact bytes of the file: nothing is trimmed or re-encoded, since entries are hashed byte for byte. */
    static byte[] read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new LedgerCliException("The " + what + " " + file + " is a directory, not a file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new LedgerCliException("The " + what + " " + file + " is larger than " + MAX_BYTES
                        + " bytes; that is not a " + what + ".");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new LedgerCliException("The " + what + " " + file + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new LedgerCliException("The " + what + " " + file + " cannot be read: permission denied.");
        } catch (IOException e) {
            throw new LedgerCliException("The " + what + " " + file + " cannot be read: " + e.getMessage(), e, java.util.List.of());
        }
    }
}
