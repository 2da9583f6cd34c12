package dev.greenlight.evidence.xml;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.TestFacts;

/**
 * The JUnit XML parser parses any input or rejects it with the declared exceptions, and never lets anything else escape. Runs the
 * seeds and their fixed mutations in every build; Jazzer, when enabled, fuzzes from the same seeds.
 */
class JUnitXmlFuzzTest {
    private static final ParseLimits LIMITS = new ParseLimits(40, 5_000, 1_000_000, 10, 50);
    private static final JUnitXmlParser PARSER = new JUnitXmlParser();

    static Stream<byte[]> seeds() {
        return FuzzInputs.withMutations(FuzzInputs.resources("xml/junit/surefire-reruns.xml", "xml/junit/gradle-test-retry.xml", "xml/junit/pytest.xml",
                "xml/junit/jest-junit.xml", "xml/junit/mocha.xml", "xml/junit/nested-suites.xml", "xml/junit/googletest.xml"), 40);
    }

    @MethodSource("seeds")
    @ParameterizedTest(name = "input {index}")
    void parsesOrRejectsAnyInput(byte[] input) {
        PARSER.recognizes(input);
        try {
            TestFacts facts = PARSER.parse(new ByteArrayInputStream(input), LIMITS);
            if (facts.passed() + facts.failed() + facts.errors() + facts.skipped() != facts.total() || facts.flaky() > facts.passed()
                    || facts.failedTests().size() > LIMITS.maxListedItems()) {
                throw new AssertionError("inconsistent counts: " + facts);
            }
        } catch (EvidenceFormatException | EvidenceLimitException e) {
            // Rejected, as declared.
        }
    }
}
