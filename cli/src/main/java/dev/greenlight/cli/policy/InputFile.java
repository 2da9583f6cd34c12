package dev.greenlight.cli.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file named on the command line, refusing one too large to be what it should be. */
final class InputFile {
    private InputFile() {
    }

    static byte[] read(Path file, String what, int maxBytes) {
        if (Files.isDirectory(file)) {
            throw new PolicyCliException("The " + what + " " + file + " is a directory, not a file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new PolicyCliException("The " + what + " " + file + " is larger than " + maxBytes + " bytes.");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new PolicyCliException("The " + what + " " + file + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new PolicyCliException("The " + what + " " + file + " cannot be read: permission denied.");
        } catch (IOException e) {
            throw new PolicyCliException("The " + what + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
