package dev.greenlight.evidence.json;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.FuzzTestSupport;

/**
 * k6 summaries: any bytes give consistent facts or a declared rejection ({@link FuzzTestSupport}). Seeds:
 * {@code K6SummaryFuzzTestInputs/} in the test resources; the regular test run replays them, the build's {@code fuzz}
 * execution fuzzes from them.
 */
class K6SummaryFuzzTest {
    private static final EvidenceParser PARSER = JsonFuzzTargets.parser(EvidenceType.K6);

    @DictionaryFile(resourcePath = FuzzTestSupport.NUMBERS)
    @FuzzTest
    void parsesOrRejectsAnyInput(byte[] input) {
        JsonFuzzTargets.parseOrReject(PARSER, input);
    }
}
