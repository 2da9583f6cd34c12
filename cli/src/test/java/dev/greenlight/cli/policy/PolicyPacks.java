package dev.greenlight.cli.policy;

/** Small packs for the policy command tests. */
final class PolicyPacks {
    static final String PASSING = """
            id: acme/gates
            version: 1.2.0
            parameters:
              maxFailed: {type: int, default: 0}
              budget: {type: double}
            rules:
              - id: few-failures
                title: Few test failures
                expression: tests.failed <= params.maxFailed
                severity: blocker
                weight: 3
                requires: [tests]
                remediation:
                  text: Fix the failing tests.
                  link: https://example.com/tests
              - id: no-criticals
                title: No critical vulnerability
                expression: vulns.bySeverity.critical == 0
                severity: blocker
                requires: [vulns]
                remediation: Upgrade the vulnerable packages.
              - id: fast
                title: Fast enough
                expression: perf.p95Ms <= params.budget
                severity: warning
                requires: [perf]
                remediation: Make it faster.
            tests:
              - name: no failures pass
                facts: {tests: {failed: 0}}
                expect: {few-failures: pass}
              - name: a failure fails
                facts: {tests: {failed: 1}}
                expect: {few-failures: fail}
              - name: no scan lacks evidence
                expect: {no-criticals: missing-evidence}
            """;

    private PolicyPacks() {
    }
}
