package dev.greenlight.evidence.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.TestFacts;

/**
 * The shared corpus of real XML reports: every valid file is recognised and parses to plausible facts (exact numbers
 * for some, counted by hand); every malformed one is refused with a message naming the format and the place.
 */
class XmlCorpusTest {
    /** Files the corpus marks as malformed, with what the refusal must say. */
    private static final Map<String, String> MALFORMED = Map.of(
            "publish-unit-test-result-action__non-junit.xml", "the root element is <suites>",
            "coverage-reporter__cobertura.xml", "must be terminated by the matching end-tag",
            "specification__invalid-dependency-1.6.xml", "a <dependency> without a ref");

    /** Files that detection must leave alone: not the format their folder says. */
    private static final Set<String> NOT_RECOGNISED = Set.of("publish-unit-test-result-action__non-junit.xml");

    @Test
    void junitSamples() {
        for (Path file : SharedSamples.files("junit")) {
            TestFacts facts = (TestFacts) check(file, new JUnitXmlParser());
            if (facts != null) {
                assertThat(facts.passed() + facts.failed() + facts.errors() + facts.skipped()).as(name(file)).isEqualTo(facts.total());
                assertThat(facts.flaky()).as(name(file)).isBetween(0L, facts.passed());
                assertThat(facts.durationSeconds()).as(name(file)).isNotNegative();
            }
        }
    }

    @Test
    void junitSamplesCountedByHand() {
        TestFacts huge = junit("junit-plugin__junit-report-huge.xml");
        assertThat(huge.total()).isEqualTo(7580);
        assertThat(huge.passed()).isEqualTo(5131);
        assertThat(huge.failed()).isEqualTo(19);
        assertThat(huge.skipped()).isEqualTo(2430);
        assertThat(huge.flaky()).isEqualTo(1);

        TestFacts flaky = junit("junit-plugin__gh-237_TEST-io.olamy.FlakyTest.xml");
        assertThat(flaky.total()).as("the header says 3 tests, 2 failures").isEqualTo(1);
        assertThat(flaky.flaky()).isEqualTo(1);
        assertThat(flaky.failed()).isZero();

        TestFacts nested = junit("junit-plugin__junit-report-nested-testsuites.xml");
        assertThat(nested.total()).as("the header says 186").isEqualTo(3);
        assertThat(nested.errors()).isEqualTo(1);

        TestFacts multiresult = junit("publish-unit-test-result-action__junit.multiresult.xml");
        assertThat(multiresult.errors()).isEqualTo(1);
        assertThat(multiresult.failed()).isEqualTo(1);
        assertThat(multiresult.skipped()).isEqualTo(1);
        assertThat(multiresult.passed()).isEqualTo(1);

        TestFacts pytest = junit("publish-unit-test-result-action__pytest_junit.fail.xml");
        assertThat(pytest.total()).isEqualTo(5);
        assertThat(pytest.failed()).isEqualTo(1);
        assertThat(pytest.skipped()).isEqualTo(1);
        assertThat(pytest.durationSeconds()).isCloseTo(21.908, within(1e-9));
    }

    @Test
    void jacocoSamples() {
        for (Path file : SharedSamples.files("jacoco")) {
            // JaCoCo's own report counters are the overall figure; hand-made samples need not match their files.
            CoverageFacts facts = (CoverageFacts) check(file, new JacocoXmlParser());
            assertThat(facts.lines().total()).as(name(file)).isPositive();
            assertThat(facts.files()).as(name(file)).isNotEmpty();
        }
        CoverageFacts analysisModel = (CoverageFacts) parse("jacoco", "coverage-model__jacoco-analysis-model.xml", new JacocoXmlParser());
        assertThat(analysisModel.lines()).isEqualTo(new Counter(5531, 267));
        assertThat(analysisModel.branches()).isEqualTo(new Counter(1544, 205));
        assertThat(analysisModel.files()).hasSize(307);
        CoverageFacts report = (CoverageFacts) parse("jacoco", "coverage-reporter__jacoco-report.xml", new JacocoXmlParser());
        assertThat(report.lines()).isEqualTo(new Counter(5, 1));
        assertThat(report.files()).extracting(CoverageFacts.FileCoverage::path)
                .containsExactly("com/jacocodemo/examples/MessageBuilder.java", "com/jacocodemo/examples/Info.java");
    }

    @Test
    void coberturaSamples() {
        for (Path file : SharedSamples.files("cobertura")) {
            plausible((CoverageFacts) check(file, new CoberturaXmlParser()), file);
        }
        CoverageFacts conditions = (CoverageFacts) parse("cobertura", "coverage-reporter__cobertura-conditions.xml", new CoberturaXmlParser());
        assertThat(conditions.lines()).isEqualTo(new Counter(5, 1));
        assertThat(conditions.branches()).isEqualTo(new Counter(4, 5));
        CoverageFacts javascript = (CoverageFacts) parse("cobertura", "coverage-model__cobertura-js.xml", new CoberturaXmlParser());
        assertThat(javascript.lines()).as("lines 1, 3, 4, 6, 7; 3 and 4 listed twice").isEqualTo(new Counter(5, 0));
        CoverageFacts missing = (CoverageFacts) parse("cobertura", "coverage-model__cobertura-missing-condition-coverage.xml", new CoberturaXmlParser());
        assertThat(missing.lines()).isEqualTo(new Counter(37, 3));
        assertThat(missing.branches()).isEqualTo(new Counter(10, 6));
        CoverageFacts empty = (CoverageFacts) parse("cobertura", "coverage-model__cobertura-empty.xml", new CoberturaXmlParser());
        assertThat(empty.lines()).as("no lines listed: the header's").isEqualTo(new Counter(63, 19));
    }

    @Test
    void cycloneDxXmlSamples() {
        for (Path file : SharedSamples.files("cyclonedx")) {
            if (!name(file).endsWith(".xml")) {
                continue;
            }
            SbomFacts facts = (SbomFacts) check(file, new CycloneDxXmlParser());
            if (facts != null) {
                assertThat(facts.componentCount()).as(name(file)).isEqualTo(facts.components().size());
            }
        }
        SbomFacts valid = (SbomFacts) parse("cyclonedx", "specification__valid-bom-1.6.xml", new CycloneDxXmlParser());
        assertThat(valid.specVersion()).isEqualTo("1.6");
        assertThat(valid.componentCount()).isEqualTo(3);
        assertThat(valid.licenses()).containsExactly("Apache-2.0", "EPL-2.0 OR GPL-2.0-with-classpath-exception", "Some random license");
        assertThat(valid.dependencyCount()).isEqualTo(1);
    }

    /**
     * Parses a sample with its parser and checks detection: a valid file is recognised (by this parser, and by the
     * standard reader as this format); a malformed one is refused as described. Returns the facts, or null when refused.
     */
    private static Object check(Path file, EvidenceParser parser) {
        byte[] bytes = SharedSamples.read(file);
        String name = name(file);
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, EvidenceReader.HEAD_BYTES));
        assertThat(parser.recognizes(head)).as("%s recognised", name).isNotEqualTo(NOT_RECOGNISED.contains(name));
        if (MALFORMED.containsKey(name)) {
            assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(bytes), ParseLimits.DEFAULT))
                    .as(name)
                    .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                        assertThat(e.format()).isEqualTo(parser.type());
                        assertThat(e.location()).matches("line \\d+, column \\d+");
                        assertThat(e.getMessage()).contains(MALFORMED.get(name));
                    });
            return null;
        }
        assertThat(EvidenceReader.standard().detect(new ByteArrayInputStream(bytes))).as(name).contains(parser.type());
        return parser.parse(new ByteArrayInputStream(bytes), ParseLimits.DEFAULT);
    }

    /** Cobertura's overall coverage is the sum of its files' (unless it lists none and the header speaks). */
    private static void plausible(CoverageFacts facts, Path file) {
        if (facts == null) {
            return;
        }
        long fileLines = facts.files().stream().mapToLong(coverage -> coverage.lines().total()).sum();
        if (!facts.files().isEmpty()) {
            assertThat(fileLines).as("%s: the files add up", name(file)).isEqualTo(facts.lines().total());
        }
    }

    private static TestFacts junit(String name) {
        return (TestFacts) parse("junit", name, new JUnitXmlParser());
    }

    private static Object parse(String format, String name, EvidenceParser parser) {
        Path file = SharedSamples.files(format).stream().filter(path -> name(path).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the corpus has no " + format + "/" + name));
        return parser.parse(new ByteArrayInputStream(SharedSamples.read(file)), ParseLimits.DEFAULT);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
