package dev.greenlight.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * An uploaded file of any bytes, read as the server reads it ({@link EvidenceReader#standard()}: gzip, then format
 * detection, then the parser): it gives consistent facts of the format {@link EvidenceReader#detect} names, or an
 * {@link UnknownEvidenceFormatException} when it names none, or one of the other declared rejections; never anything
 * else. Gzip is transparent: the same bytes gzipped read the same. Seeds ({@code EvidenceReaderFuzzTestInputs/} in the
 * test resources) are one small file of each format, some gzipped, so that the fuzzer also mutates compressed data.
 */
class EvidenceReaderFuzzTest {
    private static final EvidenceReader READER = EvidenceReader.standard();

    /** What reading a file came to: the type and facts, or the rejection. */
    private record Outcome(@Nullable EvidenceType type, @Nullable Map<String, Object> facts, @Nullable Class<?> rejection,
            @Nullable String message) {
    }

    @DictionaryFile(resourcePath = FuzzTestSupport.NUMBERS)
    @FuzzTest
    void readsOrRejectsAnyFile(byte[] file) {
        Outcome plain = read(file);
        if (file.length < 2 || file[0] != (byte) 0x1f || file[1] != (byte) 0x8b) {
            Outcome gzipped = read(gzip(file));
            if (!plain.equals(gzipped)) {
                throw new AssertionError("gzip changed the outcome: " + plain + " became " + gzipped);
            }
        }
    }

    private static Outcome read(byte[] file) {
        Optional<EvidenceType> detected;
        try {
            detected = READER.detect(new ByteArrayInputStream(file));
        } catch (EvidenceException e) {
            // Detection may refuse what reading refuses (a gzip bomb, broken compression): reading must then refuse too.
            try {
                READER.read(new ByteArrayInputStream(file), null);
            } catch (EvidenceException expected) {
                return new Outcome(null, null, expected.getClass(), expected.getMessage());
            }
            throw new AssertionError("detection refused a file that reading accepts: " + e.getMessage(), e);
        }
        try {
            ParsedEvidence parsed = READER.read(new ByteArrayInputStream(file), null);
            if (detected.isEmpty() || detected.get() != parsed.type()) {
                throw new AssertionError("read as " + parsed.type() + " what detection calls " + detected);
            }
            FuzzTestSupport.check(parsed.facts(), ParseLimits.DEFAULT);
            return new Outcome(parsed.type(), parsed.facts().toMap(), null, null);
        } catch (UnknownEvidenceFormatException e) {
            if (detected.isPresent()) {
                throw new AssertionError("no format for a file detection calls " + detected.get(), e);
            }
            return new Outcome(null, null, e.getClass(), e.getMessage());
        } catch (EvidenceFormatException e) {
            if (detected.isEmpty() || e.format() != detected.get() || e.location().isBlank()) {
                throw new AssertionError("a format error naming " + e.format() + " at '" + e.location() + "' for a file detected as "
                        + detected, e);
            }
            return new Outcome(null, null, e.getClass(), e.getMessage());
        } catch (EvidenceLimitException e) {
            return new Outcome(null, null, e.getClass(), e.getMessage());
        }
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
