package dev.greenlight.cli.evidence;

import dev.greenlight.evidence.EvidenceException;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Recognises a file's evidence format the way the server will, from the start of its content
 * (decompressed when it is gzip), with the evidence library the server uses.
 */
final class TypeDetection {
    private static final EvidenceReader READER = EvidenceReader.standard();

    private TypeDetection() {
    }

    /**
     * The format, or empty when the start of the file looks like none (the server may still know
     * better: it decides).
     *
     * @throws IOException when the file cannot be read
     */
    static Optional<EvidenceType> of(Path file) throws IOException {
        try (InputStream content = Files.newInputStream(file)) {
            return READER.detect(content);
        } catch (UncheckedIOException e) {
            // A broken gzip stream is a fact about the content, not a file that cannot be read.
            if (e.getCause() instanceof ZipException || e.getCause() instanceof EOFException) {
                return Optional.empty();
            }
            throw e.getCause();
        } catch (EvidenceException e) {
            return Optional.empty();
        }
    }
}
