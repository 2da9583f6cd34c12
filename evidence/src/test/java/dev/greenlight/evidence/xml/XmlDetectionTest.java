package dev.greenlight.evidence.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParsedEvidence;
import dev.greenlight.evidence.facts.TestFacts;

/** Detection by content: each XML format recognises its own files, and nothing else. */
class XmlDetectionTest {
    private static final List<EvidenceParser> PARSERS = XmlFormats.parsers();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "xml/junit/surefire-reruns.xml, junit",
            "xml/junit/gradle-test-retry.xml, junit",
            "xml/junit/pytest.xml, junit",
            "xml/junit/jest-junit.xml, junit",
            "xml/junit/mocha.xml, junit",
            "xml/junit/nested-suites.xml, junit",
            "xml/junit/googletest.xml, junit",
            "xml/jacoco/jacoco-report.xml, jacoco",
            "xml/jacoco/jacoco-aggregate-groups.xml, jacoco",
            "xml/jacoco/jacoco-without-report-counters.xml, jacoco",
            "xml/cobertura/cobertura-lines-listed-twice.xml, cobertura",
            "xml/cobertura/cobertura-classes-of-one-file.xml, cobertura",
            "xml/cobertura/cobertura-branch-quirks.xml, cobertura",
            "xml/cobertura/cobertura-summary-only.xml, cobertura",
            "xml/cyclonedx/bom-1.2.xml, cyclonedx",
            "xml/cyclonedx/bom-1.3-with-vulnerability-extension.xml, cyclonedx",
            "xml/cyclonedx/bom-1.4-vulnerabilities.xml, cyclonedx",
            "xml/cyclonedx/bom-1.5-tools-object.xml, cyclonedx",
            "xml/cyclonedx/bom-1.6-vex.xml, cyclonedx"})
    void eachFixtureIsRecognisedByItsOwnParserOnly(String resource, String type) {
        assertThat(recognisedBy(Fixtures.bytes(resource))).containsExactly(EvidenceType.fromWireName(type).orElseThrow());
    }

    @Test
    void theHeadMayBeCutAnywhereAfterTheRootStartTag() {
        byte[] report = Fixtures.bytes("xml/junit/surefire-reruns.xml");
        int rootEnd = new String(report, StandardCharsets.UTF_8).indexOf("failures=\"3\">") + "failures=\"3\">".length();
        for (int cut = rootEnd; cut < report.length; cut += 7) {
            assertThat(recognisedBy(Arrays.copyOf(report, cut))).as("cut at %d", cut).containsExactly(EvidenceType.JUNIT);
        }
    }

    @Test
    void aHeadCutBeforeTheRootElementEndsIsRecognisedByNone() {
        byte[] report = "<?xml version=\"1.0\"?><testsuite name=\"s\" tests=\"1\">".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut < report.length - 1; cut++) {
            assertThat(recognisedBy(Arrays.copyOf(report, cut))).as("cut at %d", cut).isEmpty();
        }
    }

    @Test
    void prologCommentsAndDoctypeBeforeTheRootAreSkipped() {
        String head = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- generated -->\n<?xml-stylesheet href=\"x.xsl\"?>\n"
                + "<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">\n<!-- still a comment -->\n"
                + "<coverage><sources><source>/src</source></sources>";

        assertThat(recognisedBy(head.getBytes(StandardCharsets.UTF_8))).containsExactly(EvidenceType.COBERTURA);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Clover's root is also <coverage>, without Cobertura's attributes or children.
            "<coverage generated=\"1700000000\" clover=\"4.4.1\"><project timestamp=\"1\"/></coverage>",
            // A <report> that is not JaCoCo's.
            "<report><title>Quarterly</title></report>",
            // CycloneDX's root name outside its namespace.
            "<bom version=\"1\"><components/></bom>",
            "<bom xmlns=\"http://example.com/bom\"/>",
            // Other test-report formats.
            "<testng-results skipped=\"0\" failed=\"0\" total=\"1\" passed=\"1\"/>",
            "<test-run id=\"2\" testcasecount=\"1\"/>",
            "<suites><suite/></suites>",
            // Not XML at all.
            "{\"bomFormat\": \"CycloneDX\"}",
            "TN:\nSF:src/a.c\nDA:1,1\nend_of_record\n",
            "",
            "   "})
    void otherContentIsRecognisedByNone(String content) {
        assertThat(recognisedBy(content.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aCycloneDxBomOfAnyVersionIsRecognisedByItsNamespace() {
        for (String version : List.of("1.0", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7")) {
            String head = "<?xml version=\"1.0\"?><cdx:bom xmlns:cdx=\"http://cyclonedx.org/schema/bom/" + version + "\" version=\"1\">";
            assertThat(recognisedBy(head.getBytes(StandardCharsets.UTF_8))).as(version).containsExactly(EvidenceType.CYCLONEDX);
        }
    }

    @Test
    void aJacocoReportWithoutDoctypeIsRecognisedByItsChildren() {
        assertThat(recognisedBy("<report name=\"r\"><sessioninfo id=\"a\" start=\"1\" dump=\"2\"/>".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(EvidenceType.JACOCO);
    }

    @Test
    void aUtf16ReportIsRecognised() {
        byte[] head = "<testsuites><testsuite name=\"s\">".getBytes(StandardCharsets.UTF_16);

        assertThat(recognisedBy(head)).containsExactly(EvidenceType.JUNIT);
    }

    @Test
    void theStandardReaderDetectsAndParsesXmlEvidenceEvenGzipped() throws IOException {
        EvidenceReader reader = EvidenceReader.standard();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(Fixtures.bytes("xml/junit/pytest.xml"));
        }

        ParsedEvidence evidence = reader.read(new ByteArrayInputStream(compressed.toByteArray()), null);

        assertThat(evidence.type()).isEqualTo(EvidenceType.JUNIT);
        assertThat(((TestFacts) evidence.facts()).total()).isEqualTo(5);
        assertThat(reader.detect(Fixtures.stream("xml/jacoco/jacoco-report.xml"))).contains(EvidenceType.JACOCO);
        assertThat(reader.detect(Fixtures.stream("xml/cobertura/cobertura-summary-only.xml"))).contains(EvidenceType.COBERTURA);
        assertThat(reader.detect(Fixtures.stream("xml/cyclonedx/bom-1.6-vex.xml"))).contains(EvidenceType.CYCLONEDX);
        assertThat(reader.read(Fixtures.stream("xml/cyclonedx/bom-1.2.xml"), EvidenceType.CYCLONEDX).facts().family())
                .isEqualTo(EvidenceType.FactFamily.SBOM);
    }

    private static List<EvidenceType> recognisedBy(byte[] head) {
        return PARSERS.stream().filter(parser -> parser.recognizes(head)).map(EvidenceParser::type).toList();
    }
}
