package dev.greenlight.evidence.json;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.FuzzTestSupport;

/**
 * in-toto: any bytes give consistent facts or a declared rejection ({@link FuzzTestSupport}), read as they are and
 * as the base64 payload of a DSSE envelope (where the statement of a signed attestation hides).
 * Seeds: {@code InTotoFuzzTestInputs/} in the test resources; the regular test run replays them, the build's
 * {@code fuzz} execution fuzzes from them.
 */
class InTotoFuzzTest {
    private static final EvidenceParser PARSER = JsonFuzzTargets.parser(EvidenceType.IN_TOTO);

    @DictionaryFile(resourcePath = FuzzTestSupport.NUMBERS)
    @FuzzTest
    void parsesOrRejectsAnyInput(byte[] input) {
        JsonFuzzTargets.parseOrReject(PARSER, input);
        JsonFuzzTargets.parseOrRejectEnveloped(input);
    }
}
