package dev.greenlight.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given as a pack are parsed and compiled, or refused with a {@link PolicyException}: nothing else may
 * escape, hang (Jazzer's per-input timeout) or blow up. A pack that compiles has its tests run too, which must not
 * throw either. Seeds: {@code PolicyPackFuzzTestInputs/} in the test resources; the regular test run replays them, the
 * build's {@code fuzz} execution fuzzes from them.
 */
class PolicyPackFuzzTest {
    private static final PolicyCompiler COMPILER = new PolicyCompiler();

    @FuzzTest
    void parsesAndCompilesOrRefusesAnyInput(byte[] input) {
        CompiledPack pack;
        try {
            pack = COMPILER.compile(PolicyPackParser.parse(input, "fuzz.yaml"));
        } catch (PolicyException e) {
            if (e.problems().isEmpty()) {
                throw new AssertionError("a refusal without a problem", e);
            }
            return;
        }
        PackTestRunner.run(pack);
    }
}
