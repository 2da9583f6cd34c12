package dev.greenlight.evidence.text;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.greenlight.evidence.FuzzTestSupport;

/**
 * LCOV: any bytes give consistent coverage facts or a declared rejection ({@link FuzzTestSupport}). Seeds:
 * {@code LcovFuzzTestInputs/} in the test resources; the regular test run replays them, the build's {@code fuzz}
 * execution fuzzes from them.
 */
class LcovFuzzTest {
    private static final LcovParser PARSER = new LcovParser();

    @DictionaryFile(resourcePath = FuzzTestSupport.NUMBERS)
    @FuzzTest
    void parsesOrRejectsAnyInput(byte[] input) {
        FuzzTestSupport.parseOrReject(PARSER, input);
    }
}
