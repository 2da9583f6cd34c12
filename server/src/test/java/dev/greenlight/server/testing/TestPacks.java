package dev.greenlight.server.testing;

import java.nio.charset.StandardCharsets;

/** Small policy packs of our own for the server's gate and CLI tests; the library's tests cover the language itself. */
public final class TestPacks {
    private TestPacks() {
    }

    /**
     * A blocker on failed tests (at most {@code params.maxFailed}) and a warning without an SBOM. Version 2.0.0 adds a
     * blocker on critical vulnerabilities, so a replay with it differs.
     */
    public static byte[] strict(String id, String version) {
        String extraRule = version.startsWith("2.") ? """
                  - id: no-critical
                    title: No critical vulnerability
                    expression: vulns.bySeverity.critical == 0
                    severity: blocker
                    weight: 2
                    requires: [vulns]
                    remediation: Upgrade the package or record a VEX statement.
                """ : "";
        String extraExpectation = version.startsWith("2.") ? ", no-critical: missing-evidence" : "";
        return ("""
                id: %s
                version: %s
                description: Tests must pass; an SBOM should be there.
                parameters:
                  maxFailed:
                    type: int
                    default: 0
                    description: How many failed tests are tolerated.
                rules:
                  - id: tests-pass
                    title: Tests pass
                    expression: tests.failed + tests.errors <= params.maxFailed
                    severity: blocker
                    weight: 3
                    requires: [tests]
                    remediation:
                      text: Fix the failing tests or quarantine them.
                      link: https://example.org/runbooks/tests
                  - id: has-sbom
                    title: An SBOM is present
                    expression: sbom.present
                    severity: warning
                    weight: 1
                    requires: [sbom]
                    remediation: Upload a CycloneDX or SPDX SBOM.
                %stests:
                  - name: green
                    facts:
                      tests: {total: 3, passed: 3, failed: 0, errors: 0, skipped: 0}
                    expect: {tests-pass: pass, has-sbom: missing-evidence%s}
                  - name: red
                    facts:
                      tests: {total: 3, passed: 2, failed: 1, errors: 0, skipped: 0}
                    expect: {tests-pass: fail}
                """).formatted(id, version, extraRule, extraExpectation).getBytes(StandardCharsets.UTF_8);
    }

    /** A pack whose own test expects the wrong outcome: it must not become active. */
    public static byte[] withFailingTest(String id) {
        return ("""
                id: %s
                version: 1.0.0
                description: Its test is wrong.
                rules:
                  - id: tests-pass
                    title: Tests pass
                    expression: tests.failed == 0
                    severity: blocker
                    requires: [tests]
                    remediation: Fix the failing tests.
                tests:
                  - name: wrong expectation
                    facts:
                      tests: {total: 1, passed: 1, failed: 0, errors: 0, skipped: 0}
                    expect: {tests-pass: fail}
                """).formatted(id).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a fact that does not exist. */
    public static byte[] unknownFact(String id) {
        return ("""
                id: %s
                version: 1.0.0
                description: Reads a fact nobody produces.
                rules:
                  - id: speed
                    title: Fast enough
                    expression: perf.warpFactor < 9
                    severity: blocker
                    requires: [perf]
                    remediation: Slow down.
                """).formatted(id).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] junit(int failed) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"com.example.CartTest\">\n"
                + "  <testcase classname=\"com.example.CartTest\" name=\"adds\" time=\"0.1\"/>\n"
                + "  <testcase classname=\"com.example.CartTest\" name=\"totals\" time=\"0.2\"/>\n");
        for (int i = 0; i < failed; i++) {
            xml.append("  <testcase classname=\"com.example.CartTest\" name=\"removes").append(i)
                    .append("\" time=\"0.1\"><failure message=\"expected 1 but was 2\">at Cart.remove</failure></testcase>\n");
        }
        return xml.append("</testsuite>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
