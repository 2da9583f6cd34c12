package dev.greenlight.evidence.xml;

import static dev.greenlight.evidence.xml.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.ParseLimits;

/** Hostile XML against every XML parser: entities, external resources, nesting and sizes. */
class HostileXmlTest {
    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final ParseLimits SMALL = new ParseLimits(10, 100, 1_000_000, 10, 100);

    private ServerSocket server;

    /** A parser with the start tag of a root element it accepts; tests put their payload inside. */
    record Shape(EvidenceParser parser, String root, String startTag) {
        String document(String doctype, String content) {
            return "<?xml version=\"1.0\"?>\n" + doctype + "\n" + startTag + content + "</" + root + ">";
        }

        @Override
        public String toString() {
            return parser.type().wireName();
        }
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape(new JUnitXmlParser(), "testsuite", "<testsuite name=\"s\">"),
                new Shape(new JacocoXmlParser(), "report", "<report name=\"r\">"),
                new Shape(new CoberturaXmlParser(), "coverage", "<coverage line-rate=\"1\">"),
                new Shape(new CycloneDxXmlParser(), "bom", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">"));
    }

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void externalEntityNamingALocalFileIsRejectedWithoutReadingIt(Shape shape, @TempDir Path directory) throws IOException {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String document = shape.document("<!DOCTYPE " + shape.root() + " [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;");

        assertThatThrownBy(() -> parseQuickly(shape, utf8(document), ParseLimits.DEFAULT))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo(shape.parser().type());
                    assertThat(e.getMessage()).contains("xxe").doesNotContain("TOP-SECRET-CONTENT");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void externalEntityInAnAttributeIsRejectedToo(Shape shape, @TempDir Path directory) throws IOException {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String document = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>" + shape.startTag().replace(">", " x=\"&xxe;\">")
                + "</" + shape.root() + ">";

        assertThatThrownBy(() -> parseQuickly(shape, utf8(document), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageNotContaining("TOP-SECRET-CONTENT");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void externalEntityNamingAServerIsRejectedWithoutContactingIt(Shape shape) {
        String document = shape.document("<!DOCTYPE " + shape.root() + " [<!ENTITY xxe SYSTEM \"" + serverUrl("entity") + "\">]>", "&xxe;");

        assertThatThrownBy(() -> parseQuickly(shape, utf8(document), ParseLimits.DEFAULT)).isInstanceOf(EvidenceFormatException.class);
        assertServerNeverContacted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void externalDtdAndParameterEntitiesAreNeverFetched(Shape shape) {
        String document = shape.document("<!DOCTYPE " + shape.root() + " SYSTEM \"" + serverUrl("report.dtd") + "\" [<!ENTITY % remote SYSTEM \""
                + serverUrl("remote.dtd") + "\"> %remote;]>", "");

        parseQuickly(shape, utf8(document), ParseLimits.DEFAULT);

        assertServerNeverContacted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void billionLaughsIsRejectedQuickly(Shape shape) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            doctype.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        String document = shape.document(doctype.toString(), "&lol9;");

        assertThatThrownBy(() -> parseQuickly(shape, utf8(document), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("lol9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void quadraticBlowupIsRejectedQuickly(Shape shape) {
        String document = shape.document("<!DOCTYPE r [<!ENTITY big \"" + "x".repeat(100_000) + "\">]>", "&big;".repeat(10_000));

        assertThatThrownBy(() -> parseQuickly(shape, utf8(document), ParseLimits.DEFAULT)).isInstanceOf(EvidenceFormatException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void nestingDeeperThanTheLimitIsRefused(Shape shape) {
        String document = shape.document("", "<x>".repeat(20) + "</x>".repeat(20));

        assertThatThrownBy(() -> parseQuickly(shape, utf8(document), SMALL))
                .isInstanceOf(EvidenceLimitException.class)
                .hasMessageContaining("deeper than 10 levels");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void textLongerThanTheLimitIsRefused(Shape shape) {
        assertThatThrownBy(() -> parseQuickly(shape, utf8(shape.document("", "<x>" + "y".repeat(101) + "</x>")), SMALL))
                .isInstanceOf(EvidenceLimitException.class)
                .hasMessageContaining("longer than 100 characters");
        // Text split by the parser into pieces, and CDATA, count as one value.
        assertThatThrownBy(() -> parseQuickly(shape, utf8(shape.document("", "<x>" + "y".repeat(60) + "<![CDATA[" + "z".repeat(60) + "]]></x>")), SMALL))
                .isInstanceOf(EvidenceLimitException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void attributeLongerThanTheLimitIsRefused(Shape shape) {
        assertThatThrownBy(() -> parseQuickly(shape, utf8(shape.document("", "<x a=\"" + "y".repeat(101) + "\"/>")), SMALL))
                .isInstanceOf(EvidenceLimitException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void hugeCommentsProcessingInstructionsAndTagsAreRefusedBeforeTheParserBuffersThem(Shape shape) {
        String filler = "<>".repeat(300);
        for (String content : new String[] {"<!--" + filler.replace("<>", "<-") + "-->", "<?pi " + filler + "?>", "<![CDATA[" + filler + "]]>",
                "<x " + "a".repeat(600) + "=\"1\"/>", "<!-->" + filler + "-->"}) {
            assertThatThrownBy(() -> parseQuickly(shape, utf8(shape.document("", content)), SMALL))
                    .as(content.substring(0, 12))
                    .isInstanceOf(EvidenceLimitException.class);
        }
    }

    @Test
    void aGiganticCdataSectionIsRefusedLongBeforeItEnds() {
        // 1 GB of CDATA that the JDK parser would otherwise buffer whole; generated, never held by the test.
        CountingInput cdata = new CountingInput(new RepeatingInput("<>".getBytes(StandardCharsets.US_ASCII), 1L << 30));
        InputStream document = new SequenceInputStream(utf8("<testsuite name=\"s\"><![CDATA["), cdata);
        ParseLimits limits = new ParseLimits(200, 1_000_000, 1L << 31, 10, 100);

        assertThatThrownBy(() -> parseQuickly(new JUnitXmlParser(), document, limits, Duration.ofSeconds(10)))
                .isInstanceOf(EvidenceLimitException.class);
        assertThat(cdata.count).as("read before refusing").isLessThan(4L * limits.maxStringLength() + 100_000);
    }

    @Test
    void utf16DocumentsAreGuardedToo() {
        String document = "\uFEFF<testsuite name=\"s\"><!--" + "<-".repeat(300) + "--></testsuite>";

        assertThatThrownBy(() -> new JUnitXmlParser().parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_16LE)), SMALL))
                .isInstanceOf(EvidenceLimitException.class);
        assertThat(new JUnitXmlParser().parse(new ByteArrayInputStream("<testsuite name=\"s\"><testcase name=\"ü\"/></testsuite>"
                .getBytes(StandardCharsets.UTF_16)), SMALL).total()).isEqualTo(1);
    }

    @Test
    void aFailingStreamIsAReadFailureNotAFormatError() {
        InputStream failing = new SequenceInputStream(utf8("<testsuite name=\"s\"><testcase name=\"t\">"), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> new JUnitXmlParser().parse(failing, ParseLimits.DEFAULT))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("connection reset");
    }

    @Test
    void undecodableBytesAreAFormatError() {
        byte[] latin1 = "<testsuite name=\"caf\u00E9\"/>".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> new JUnitXmlParser().parse(new ByteArrayInputStream(latin1), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class);
    }

    private static void parseQuickly(Shape shape, InputStream input, ParseLimits limits) {
        parseQuickly(shape.parser(), input, limits, QUICKLY);
    }

    private static void parseQuickly(EvidenceParser parser, InputStream input, ParseLimits limits, Duration within) {
        long start = System.nanoTime();
        try {
            parser.parse(input, limits);
        } finally {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(within);
        }
    }

    private String serverUrl(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/" + path;
    }

    /** A connection attempted during the parse would be waiting in the backlog by now. */
    private void assertServerNeverContacted() {
        try {
            server.setSoTimeout(50);
            try (Socket contacted = server.accept()) {
                throw new AssertionError("the parser connected to " + contacted.getRemoteSocketAddress());
            }
        } catch (SocketTimeoutException expected) {
            // Nobody came.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pattern repeated up to a length, produced as read. */
    static final class RepeatingInput extends InputStream {
        private final byte[] pattern;
        private final long length;
        private long position;

        RepeatingInput(byte[] pattern, long length) {
            this.pattern = pattern;
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? pattern[(int) (position++ % pattern.length)] : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int produced = (int) Math.min(count, length - position);
            for (int i = 0; i < produced; i++) {
                buffer[offset + i] = pattern[(int) (position++ % pattern.length)];
            }
            return produced;
        }
    }

    static final class CountingInput extends InputStream {
        private final InputStream source;
        long count;

        CountingInput(InputStream source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int value = source.read();
            count += value < 0 ? 0 : 1;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = source.read(buffer, offset, length);
            count += Math.max(read, 0);
            return read;
        }
    }
}
