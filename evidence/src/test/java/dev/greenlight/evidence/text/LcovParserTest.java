package dev.greenlight.evidence.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;
import dev.greenlight.evidence.xml.Fixtures;

class LcovParserTest {
    private final LcovParser parser = new LcovParser();

    private CoverageFacts parse(String tracefile) {
        return parser.parse(new ByteArrayInputStream(tracefile.getBytes(StandardCharsets.UTF_8)), ParseLimits.DEFAULT);
    }

    @Test
    void recordsOfTheSameFileMergeAndALineCountsOnce() {
        CoverageFacts facts = parser.parse(Fixtures.stream("text/lcov/istanbul-two-runs.info"), ParseLimits.DEFAULT);

        assertThat(facts.files()).extracting(FileCoverage::path, FileCoverage::lines, FileCoverage::branches).containsExactly(
                tuple("src/cart.ts", new Counter(4, 1), new Counter(2, 0)),
                tuple("src/coupon.ts", new Counter(1, 1), new Counter(0, 0)));
        assertThat(facts.lines()).isEqualTo(new Counter(5, 2));
        assertThat(facts.branches()).isEqualTo(new Counter(2, 0));
    }

    @Test
    void lcov2RecordsAreToleratedAndADashBranchWasNotTaken() {
        CoverageFacts facts = parser.parse(Fixtures.stream("text/lcov/geninfo-2.info"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(4, 3));
        assertThat(facts.branches()).as("taken: 14/0/0 and the exception branch 16/e0/0").isEqualTo(new Counter(2, 4));
    }

    @Test
    void summariesCountOnlyForAFileWithoutLineData() {
        CoverageFacts facts = parser.parse(Fixtures.stream("text/lcov/summary-only.info"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(7, 3));
        assertThat(facts.branches()).isEqualTo(new Counter(1, 3));
    }

    @Test
    void summariesThatDisagreeWithTheLinesAreIgnored() {
        CoverageFacts facts = parse("SF:a.c\nDA:1,1\nDA:2,0\nLF:40\nLH:39\nBRF:9\nBRH:9\nend_of_record\n");

        assertThat(facts.lines()).isEqualTo(new Counter(1, 1));
        assertThat(facts.branches()).as("no BRDA lines: the summary is all there is").isEqualTo(new Counter(9, 0));
    }

    @ParameterizedTest(name = "DA hit count {0}")
    @ValueSource(strings = {"2874063630", "18446744073709551615", "1000000000000000000000000000000"})
    void hitCountsBeyondAnyIntegerAreHits(String hits) {
        CoverageFacts facts = parse("SF:a.c\nDA:1," + hits + "\nBRDA:1,0,0," + hits + "\nend_of_record\n");

        assertThat(facts.lines()).isEqualTo(new Counter(1, 0));
        assertThat(facts.branches()).isEqualTo(new Counter(1, 0));
    }

    @Test
    void zeroHitsWrittenWithLeadingZerosIsNotAHit() {
        assertThat(parse("SF:a.c\nDA:1,0000\nend_of_record\n").lines()).isEqualTo(new Counter(0, 1));
    }

    @Test
    void aBranchWithAnExpressionContainingCommasIsOneBranch() {
        CoverageFacts facts = parse("SF:a.c\nBRDA:40,0,(a, b) == True,1\nBRDA:40,0,(a, b) == False,0\nBRDA:40,0,(a, b) == True,0\nend_of_record\n");

        assertThat(facts.branches()).isEqualTo(new Counter(1, 1));
    }

    @Test
    void functionDataIsIgnoredEvenWhenInconsistent() {
        CoverageFacts facts = parser.parse(Fixtures.stream("text/lcov/geninfo-2.info"), ParseLimits.DEFAULT);
        CoverageFacts withBrokenFunctions = parse(new String(Fixtures.bytes("text/lcov/geninfo-2.info"), StandardCharsets.UTF_8)
                .replace("FNF:2", "FNF:7\nFNDA:1,noSuchFunction"));

        assertThat(withBrokenFunctions).isEqualTo(facts);
    }

    @Test
    void aMissingEndOfRecordStrayLinesAndWindowsLineEndsAreTolerated() {
        CoverageFacts facts = parse("TN:\r\nSF:a.c\r\nDA:1,1\r\n\r\nSF:b.c\r\nDA:1,0\r\nEOF\r\nsome text without a key\r\nend_of_record");

        assertThat(facts.files()).extracting(FileCoverage::path).containsExactly("a.c", "b.c");
        assertThat(facts.lines()).isEqualTo(new Counter(1, 1));
    }

    @Test
    void aFileWithNoLinesIsListedWithNothingToCover() {
        CoverageFacts facts = parse("SF:/usr/include/c++/10/iostream\nVER:2020-10-05\nFNF:0\nFNH:0\nLF:0\nLH:0\nend_of_record\n");

        assertThat(facts.files()).extracting(FileCoverage::lines).containsExactly(new Counter(0, 0));
    }

    @Test
    void filesAreListedUpToTheLimitButAllCount() {
        CoverageFacts facts = parser.parse(Fixtures.stream("text/lcov/istanbul-two-runs.info"), new ParseLimits(200, 1000, 1000, 10, 1));

        assertThat(facts.files()).hasSize(1);
        assertThat(facts.filesTruncated()).isTrue();
        assertThat(facts.lines()).isEqualTo(new Counter(5, 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SF:a.c\\nDA:0,1                  | line 2, column 4  | DA has line number '0'",
            "SF:a.c\\nDA:-3,1                 | line 2, column 4  | DA has line number '-3'",
            "SF:a.c\\nDA:x,1                  | line 2, column 4  | DA has line number 'x'",
            "SF:a.c\\nDA:3                    | line 2, column 4  | DA needs at least 2 comma-separated fields",
            "SF:a.c\\nDA:3,-1                 | line 2, column 4  | DA has hit count '-1'",
            "SF:a.c\\nDA:3,1.5                | line 2, column 4  | DA has hit count '1.5'",
            "SF:a.c\\nDA:3,                   | line 2, column 4  | DA has hit count ''",
            "SF:a.c\\nBRDA:3,0,1              | line 2, column 6  | BRDA needs at least 4 comma-separated fields",
            "SF:a.c\\nBRDA:0,0,0,1            | line 2, column 6  | BRDA has line number '0'",
            "SF:a.c\\nBRDA:3,0,0,often        | line 2, column 6  | BRDA has hit count 'often'",
            "SF:a.c\\nLF:many                 | line 2, column 4  | LF has count 'many'",
            "TN:\\nDA:1,1\\nSF:a.c            | line 2, column 4  | DA outside a record",
            "SF:a.c\\nend_of_record\\nDA:1,1  | line 3, column 4  | DA outside a record",
            "SF:                              | line 1, column 4  | SF names no source file"})
    void unreadableDataIsRejectedWithItsLine(String tracefile, String location, String problem) {
        assertThatThrownBy(() -> parse(tracefile.replace("\\n", "\n")))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo(EvidenceType.LCOV);
                    assertThat(e.location()).isEqualTo(location);
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "\n\n", "TN:only a test name\n", "just some text\n"})
    void aFileWithoutAnyRecordIsRejected(String tracefile) {
        assertThatThrownBy(() -> parse(tracefile))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("no SF record");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithoutReadingItWhole() {
        String tracefile = "SF:a.c\nDA:1," + "1".repeat(5000) + "\n";

        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(tracefile.getBytes(StandardCharsets.UTF_8)), new ParseLimits(200, 1000, 1000, 10, 10)))
                .isInstanceOf(EvidenceLimitException.class)
                .hasMessageContaining("Line 2");
    }

    @Test
    void undecodableBytesInPathsAreTolerated() {
        byte[] latin1 = "SF:src/caf\u00E9.c\nDA:1,1\nend_of_record\n".getBytes(StandardCharsets.ISO_8859_1);

        CoverageFacts facts = parser.parse(new ByteArrayInputStream(latin1), ParseLimits.DEFAULT);

        assertThat(facts.files()).extracting(FileCoverage::path).containsExactly("src/caf\uFFFD.c");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TN:\nSF:a.c\nDA:1,1\n", "SF:a.c\n", "\uFEFF\n\nTN:x\r\nSF:a.c\r\n", "VER:2.0\nTN:\nSF:a", "TN:\nFN:1,main\nSF:a.c"})
    void tracefilesAreRecognisedByTheirKeys(String head) {
        assertThat(parser.recognizes(head.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "TN:\n", "DA:1,1\nSF:a.c\n", "# comment\nSF:a.c\n", "<testsuite/>", "{\"SF\": 1}", "mode: set\nSF:a.c\n", "SF:a.c\u0000\n"})
    void otherContentIsNotRecognised(String head) {
        assertThat(parser.recognizes(head.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void theStandardReaderDetectsLcov() {
        EvidenceReader reader = EvidenceReader.standard();

        assertThat(reader.detect(Fixtures.stream("text/lcov/geninfo-2.info"))).contains(EvidenceType.LCOV);
        assertThat(reader.read(Fixtures.stream("text/lcov/istanbul-two-runs.info"), null).type()).isEqualTo(EvidenceType.LCOV);
    }
}
