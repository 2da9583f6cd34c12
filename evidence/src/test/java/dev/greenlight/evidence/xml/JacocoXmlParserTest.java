package dev.greenlight.evidence.xml;

import static dev.greenlight.evidence.xml.Fixtures.stream;
import static dev.greenlight.evidence.xml.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;

class JacocoXmlParserTest {
    private final JacocoXmlParser parser = new JacocoXmlParser();

    @Test
    void overallCoverageIsTheReportsOwnLineAndBranchCounters() {
        CoverageFacts facts = parser.parse(stream("xml/jacoco/jacoco-report.xml"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(8, 4));
        assertThat(facts.branches()).isEqualTo(new Counter(3, 1));
    }

    @Test
    void eachSourceFileIsAFileNamedByPackageAndFileName() {
        CoverageFacts facts = parser.parse(stream("xml/jacoco/jacoco-report.xml"), ParseLimits.DEFAULT);

        assertThat(facts.files()).extracting(FileCoverage::path, FileCoverage::lines, FileCoverage::branches).containsExactly(
                tuple("com/example/cart/Cart.java", new Counter(6, 1), new Counter(3, 1)),
                tuple("com/example/cart/Coupon.java", new Counter(0, 3), new Counter(0, 0)),
                tuple("Main.java", new Counter(2, 0), new Counter(0, 0)));
        assertThat(facts.filesTruncated()).isFalse();
    }

    @Test
    void aggregateReportsWithNestedGroupsAreRead() {
        CoverageFacts facts = parser.parse(stream("xml/jacoco/jacoco-aggregate-groups.xml"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(48, 12));
        assertThat(facts.branches()).isEqualTo(new Counter(9, 5));
        assertThat(facts.files()).extracting(FileCoverage::path).containsExactly("org/acme/api/Routes.java", "org/acme/model/Order.java");
    }

    @Test
    void withoutReportCountersTheSourceFilesAreSummed() {
        CoverageFacts facts = parser.parse(stream("xml/jacoco/jacoco-without-report-counters.xml"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(16, 4));
        assertThat(facts.branches()).isEqualTo(new Counter(2, 2));
    }

    @Test
    void filesAreListedUpToTheLimit() {
        CoverageFacts facts = parser.parse(stream("xml/jacoco/jacoco-report.xml"), new ParseLimits(200, 1000, 1000, 10, 1));

        assertThat(facts.files()).hasSize(1);
        assertThat(facts.filesTruncated()).isTrue();
        assertThat(facts.lines()).isEqualTo(new Counter(8, 4));
    }

    @Test
    void anEmptyReportHasNothingToCover() {
        CoverageFacts facts = parser.parse(utf8("<report name=\"empty\"/>"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(0, 0));
        assertThat(facts.lines().ratio()).isEqualTo(1.0);
        assertThat(facts.files()).isEmpty();
    }

    @Test
    void aCounterThatIsNotACountIsRejectedWithItsLocation() {
        assertThatThrownBy(() -> parser.parse(utf8("<report name=\"r\">\n<counter type=\"LINE\" missed=\"-1\" covered=\"3\"/></report>"), ParseLimits.DEFAULT))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.location()).startsWith("line 2");
                    assertThat(e.getMessage()).contains("'missed'").contains("'-1'");
                });
    }

    @Test
    void countsTooLargeToAddUpDoNotWrapNegative() {
        CoverageFacts facts = parser.parse(utf8("""
                <report name="r"><package name="p">
                  <sourcefile name="A.java"><counter type="LINE" missed="0" covered="9223372036854775807"/></sourcefile>
                  <sourcefile name="B.java"><counter type="LINE" missed="0" covered="9223372036854775807"/></sourcefile>
                </package></report>"""), ParseLimits.DEFAULT);

        assertThat(facts.lines().covered()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anotherRootElementIsRejected() {
        assertThatThrownBy(() -> parser.parse(utf8("<coverage/>"), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("not a JaCoCo report");
    }
}
