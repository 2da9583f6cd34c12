package dev.greenlight.evidence.xml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shared corpus of real report files ({@code shared/samples}, next to the repository in CI): found through
 * {@code -Dgreenlight.samples=<dir>}, the {@code GREENLIGHT_SAMPLES} variable, or a {@code shared/samples} folder in
 * the working directory or any folder above it. Tests over it are skipped, saying why, when it is not there.
 */
public final class SharedSamples {
    private SharedSamples() {
    }

    public static Optional<Path> directory() {
        String configured = System.getProperty("greenlight.samples", System.getenv("GREENLIGHT_SAMPLES"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared").resolve("samples");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The files of one format folder ("junit", "lcov"...), sorted; skips the calling test when there is no corpus. */
    public static List<Path> files(String format) {
        Optional<Path> directory = directory();
        assumeTrue(directory.isPresent(), "No shared samples corpus (shared/samples above " + Path.of("").toAbsolutePath()
                + ", or -Dgreenlight.samples=<dir>): corpus test skipped.");
        Path folder = directory.get().resolve(format);
        assumeTrue(Files.isDirectory(folder), "The shared samples corpus has no " + format + " folder: corpus test skipped.");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
