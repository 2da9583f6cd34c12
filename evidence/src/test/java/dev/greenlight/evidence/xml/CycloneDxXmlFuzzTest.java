package dev.greenlight.evidence.xml;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.greenlight.evidence.FuzzTestSupport;

/**
 * CycloneDX XML: any bytes give consistent facts or a declared rejection ({@link FuzzTestSupport}). With Jazzer's SSRF
 * sanitizer on, an external entity or DTD the parser tried to fetch would be a finding too. Seeds:
 * {@code CycloneDxXmlFuzzTestInputs/} in the test resources; the regular test run replays them, the build's
 * {@code fuzz} execution fuzzes from them.
 */
class CycloneDxXmlFuzzTest {
    private static final CycloneDxXmlParser PARSER = new CycloneDxXmlParser();

    @DictionaryFile(resourcePath = FuzzTestSupport.NUMBERS)
    @FuzzTest
    void parsesOrRejectsAnyInput(byte[] input) {
        FuzzTestSupport.parseOrReject(PARSER, input);
    }
}
