package dev.greenlight.evidence.text;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.xml.FuzzInputs;

/**
 * The LCOV parser parses any input or rejects it with the declared exceptions, and never lets anything else escape.
 * Runs the seeds and their fixed mutations in every build; Jazzer, when enabled, fuzzes from the same seeds.
 */
class LcovFuzzTest {
    private static final ParseLimits LIMITS = new ParseLimits(40, 5_000, 1_000_000, 10, 50);
    private static final LcovParser PARSER = new LcovParser();

    static Stream<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>(FuzzInputs.resources("text/lcov/geninfo-2.info", "text/lcov/istanbul-two-runs.info", "text/lcov/summary-only.info"));
        seeds.add("SF:a\nBRDA:1,e0,x,y,-\nDA:1,18446744073709551616\nend_of_record\nSF:a\nDA:1,0\n".getBytes(StandardCharsets.UTF_8));
        return FuzzInputs.withMutations(seeds, 40);
    }

    @MethodSource("seeds")
    @ParameterizedTest(name = "input {index}")
    void parsesOrRejectsAnyInput(byte[] input) {
        PARSER.recognizes(input);
        try {
            CoverageFacts facts = PARSER.parse(new ByteArrayInputStream(input), LIMITS);
            if (facts.files().isEmpty() || facts.files().size() > LIMITS.maxListedItems()) {
                throw new AssertionError("a parsed tracefile lists 1 to " + LIMITS.maxListedItems() + " files, not " + facts.files().size());
            }
        } catch (EvidenceFormatException | EvidenceLimitException e) {
            // Rejected, as declared.
        }
    }
}
