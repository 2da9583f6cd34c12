package dev.greenlight.evidence.xml;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.SbomFacts;

/**
 * The CycloneDX XML parser parses any input or rejects it with the declared exceptions, and never lets anything else escape. Runs the
 * seeds and their fixed mutations in every build; Jazzer, when enabled, fuzzes from the same seeds.
 */
class CycloneDxXmlFuzzTest {
    private static final ParseLimits LIMITS = new ParseLimits(40, 5_000, 1_000_000, 10, 50);
    private static final CycloneDxXmlParser PARSER = new CycloneDxXmlParser();

    static Stream<byte[]> seeds() {
        return FuzzInputs.withMutations(FuzzInputs.resources("xml/cyclonedx/bom-1.2.xml", "xml/cyclonedx/bom-1.3-with-vulnerability-extension.xml",
                "xml/cyclonedx/bom-1.4-vulnerabilities.xml", "xml/cyclonedx/bom-1.5-tools-object.xml", "xml/cyclonedx/bom-1.6-vex.xml"), 40);
    }

    @MethodSource("seeds")
    @ParameterizedTest(name = "input {index}")
    void parsesOrRejectsAnyInput(byte[] input) {
        PARSER.recognizes(input);
        try {
            SbomFacts facts = PARSER.parse(new ByteArrayInputStream(input), LIMITS);
            if (facts.componentCount() < facts.components().size() || facts.components().size() > LIMITS.maxListedItems()) {
                throw new AssertionError("inconsistent components: " + facts.componentCount() + " counted, " + facts.components().size() + " listed");
            }
        } catch (EvidenceFormatException | EvidenceLimitException e) {
            // Rejected, as declared.
        }
    }
}
