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

class CoberturaXmlParserTest {
    private final CoberturaXmlParser parser = new CoberturaXmlParser();

    @Test
    void linesListedPerMethodAndAgainPerClassCountOnce() {
        CoverageFacts facts = parser.parse(stream("xml/cobertura/cobertura-lines-listed-twice.xml"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(4, 2));
        assertThat(facts.branches()).as("line 4: 1 of 2 (listed twice), line 10: 0 of 2").isEqualTo(new Counter(1, 3));
        assertThat(facts.files()).extracting(FileCoverage::path).containsExactly("billing/invoice.js");
    }

    @Test
    void classesOfTheSameFileMergeAndALineIsCoveredIfAnyListingHitIt() {
        CoverageFacts facts = parser.parse(stream("xml/cobertura/cobertura-classes-of-one-file.xml"), ParseLimits.DEFAULT);

        assertThat(facts.files()).extracting(FileCoverage::path, FileCoverage::lines, FileCoverage::branches).containsExactly(
                tuple("com/acme/Order.kt", new Counter(3, 1), new Counter(3, 1)),
                tuple("com/acme/Customer.kt", new Counter(1, 0), new Counter(0, 0)));
        assertThat(facts.lines()).isEqualTo(new Counter(4, 1));
    }

    @Test
    void branchesNeedConditionCoverageCountsAndHugeOrFractionalHitsAreCovered() {
        CoverageFacts facts = parser.parse(stream("xml/cobertura/cobertura-branch-quirks.xml"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(5, 1));
        assertThat(facts.branches()).as("only line 13 says how many branches it has").isEqualTo(new Counter(1, 1));
    }

    @Test
    void theHeaderCountsOnlyWhenNoLineIsListed() {
        CoverageFacts facts = parser.parse(stream("xml/cobertura/cobertura-summary-only.xml"), ParseLimits.DEFAULT);

        assertThat(facts.lines()).isEqualTo(new Counter(30, 10));
        assertThat(facts.branches()).isEqualTo(new Counter(5, 5));
        assertThat(facts.files()).isEmpty();
    }

    @Test
    void theExternalDtdIsNotNeeded() {
        // The fixture's DOCTYPE names http://cobertura.sourceforge.net/xml/coverage-04.dtd; there is no network here.
        CoverageFacts facts = parser.parse(stream("xml/cobertura/cobertura-lines-listed-twice.xml"), ParseLimits.DEFAULT);

        assertThat(facts.lines().total()).isEqualTo(6);
    }

    @Test
    void filesAreListedUpToTheLimitButAllCount() {
        CoverageFacts facts = parser.parse(stream("xml/cobertura/cobertura-classes-of-one-file.xml"), new ParseLimits(200, 1000, 1000, 10, 1));

        assertThat(facts.files()).hasSize(1);
        assertThat(facts.filesTruncated()).isTrue();
        assertThat(facts.lines()).isEqualTo(new Counter(4, 1));
    }

    @Test
    void aClassWithoutFilenameIsNamedByItsName() {
        CoverageFacts facts = parser.parse(utf8("""
                <coverage><packages><package name="p"><classes>
                  <class name="p/Thing.py"><lines><line number="1" hits="1"/></lines></class>
                </classes></package></packages></coverage>"""), ParseLimits.DEFAULT);

        assertThat(facts.files()).extracting(FileCoverage::path).containsExactly("p/Thing.py");
    }

    @Test
    void aLineNumberThatIsNotANumberIsRejected() {
        assertThatThrownBy(() -> parser.parse(utf8("""
                <coverage><packages><package name="p"><classes>
                  <class filename="a.py"><lines><line number="ten" hits="1"/></lines></class>
                </classes></package></packages></coverage>"""), ParseLimits.DEFAULT))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.location()).startsWith("line 2");
                    assertThat(e.getMessage()).contains("'ten'");
                });
    }

    @Test
    void hitsThatAreNotANumberAreRejected() {
        assertThatThrownBy(() -> parser.parse(utf8("""
                <coverage><packages><package name="p"><classes>
                  <class filename="a.py"><lines><line number="1" hits="many"/></lines></class>
                </classes></package></packages></coverage>"""), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("'many'");
    }

    @Test
    void anotherRootElementIsRejected() {
        assertThatThrownBy(() -> parser.parse(utf8("<report/>"), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("not a Cobertura report");
    }
}
