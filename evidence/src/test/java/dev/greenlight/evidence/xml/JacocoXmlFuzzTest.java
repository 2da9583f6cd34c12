package dev.greenlight.evidence.xml;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;

/**
 * The JaCoCo parser parses any input or rejects it with the declared exceptions, and never lets anything else escape. Runs the
 * seeds and their fixed mutations in every build; Jazzer, when enabled, fuzzes from the same seeds.
 */
class JacocoXmlFuzzTest {
    private static final ParseLimits LIMITS = new ParseLimits(40, 5_000, 1_000_000, 10, 50);
    private static final JacocoXmlParser PARSER = new JacocoXmlParser();

    static Stream<byte[]> seeds() {
        return FuzzInputs.withMutations(FuzzInputs.resources("xml/jacoco/jacoco-report.xml", "xml/jacoco/jacoco-aggregate-groups.xml",
                "xml/jacoco/jacoco-without-report-counters.xml"), 40);
    }

    @MethodSource("seeds")
    @ParameterizedTest(name = "input {index}")
    void parsesOrRejectsAnyInput(byte[] input) {
        PARSER.recognizes(input);
        try {
            CoverageFacts facts = PARSER.parse(new ByteArrayInputStream(input), LIMITS);
            if (facts.files().size() > LIMITS.maxListedItems()) {
                throw new AssertionError("listed past the limit: " + facts.files().size());
            }
        } catch (EvidenceFormatException | EvidenceLimitException e) {
            // Rejected, as declared.
        }
    }
}
