package dev.greenlight.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/**
 * Broken gzip data is bad content, refused like any other (found by {@link EvidenceReaderFuzzTest}: it used to escape
 * as an {@link UncheckedIOException}, which reads as a failure to read the upload, not as a bad file).
 */
class CorruptGzipTest {
    private static final EvidenceReader READER = EvidenceReader.standard();
    private static final String JUNIT = "<testsuite name=\"s\"><testcase classname=\"c\" name=\"t\"/></testsuite>";

    @Test
    void aWrongChecksumBeforeTheFormatIsKnownIsAnUnknownFormat() {
        byte[] gzip = gzip(JUNIT);
        gzip[gzip.length - 8] ^= 1;

        assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(gzip), null))
                .isInstanceOf(UnknownEvidenceFormatException.class)
                .hasMessageContaining("gzip data is corrupt or cut short");
        assertThatThrownBy(() -> READER.detect(new ByteArrayInputStream(gzip))).isInstanceOf(UnknownEvidenceFormatException.class);
    }

    @Test
    void aDeclaredTypeMakesItAFormatErrorOfThatType() {
        byte[] gzip = gzip(JUNIT);
        byte[] cut = Arrays.copyOf(gzip, gzip.length - 12);

        assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(cut), EvidenceType.JUNIT))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo(EvidenceType.JUNIT);
                    assertThat(e.location()).endsWith("of the decompressed content");
                });
    }

    @Test
    void aBrokenHeaderIsRefusedToo() {
        byte[] header = {0x1f, (byte) 0x8b, 8};
        byte[] badMethod = {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(header), null)).isInstanceOf(UnknownEvidenceFormatException.class);
        assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(badMethod), null)).isInstanceOf(UnknownEvidenceFormatException.class);
        assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(header), EvidenceType.JUNIT))
                .isInstanceOf(EvidenceFormatException.class);
    }

    @Test
    void dataBrokenAfterTheHeadIsAFormatErrorOfTheDetectedFormat() {
        // Past the 64 KiB head, so the format is known when the parser reaches the break.
        String match = "{\"vulnerability\": {\"id\": \"CVE-1\"}, \"artifact\": {\"name\": \"a\"}}";
        for (String document : new String[] {
                "<testsuite name=\"s\">" + "<testcase classname=\"c\" name=\"t\"/>".repeat(5_000) + "</testsuite>",
                "{\"matches\": [" + String.join(",", Collections.nCopies(3_000, match)) + "], \"descriptor\": {\"name\": \"grype\"}}",
                "SF:a.c\n" + "DA:1,1\n".repeat(20_000) + "end_of_record\n"}) {
            byte[] gzip = gzip(document);
            byte[] cut = Arrays.copyOf(gzip, gzip.length - 20);

            EvidenceType detected = READER.detect(new ByteArrayInputStream(gzip)).orElseThrow();
            assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(cut), null))
                    .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.format()).isEqualTo(detected));
        }
    }

    @Test
    void aFailingSourceIsStillAReadFailure() {
        byte[] gzip = gzip("<testsuite name=\"s\">" + "<testcase classname=\"c\" name=\"t\"/>".repeat(5_000) + "</testsuite>");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(gzip, 0, gzip.length / 2), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> READER.read(failing, null))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("connection reset");
    }

    private static byte[] gzip(String content) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
