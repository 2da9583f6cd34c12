package dev.greenlight.bench.policy;

import static dev.greenlight.bench.policy.Facts.bool;
import static dev.greenlight.bench.policy.Facts.integer;
import static dev.greenlight.bench.policy.Facts.map;
import static dev.greenlight.bench.policy.Facts.maps;
import static dev.greenlight.bench.policy.Facts.number;
import static dev.greenlight.bench.policy.Facts.text;
import static dev.greenlight.bench.policy.Facts.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's 50 checks: the baseline pack's 10 rules (their expressions as in baseline.yaml, parameters at the
 * values the benchmark gives) and 40 more of the kinds packs hold — thresholds on counts, comprehensions over the
 * 2,000 findings, license checks over the SBOM's components and licenses, lists of tests, SAST results and k6
 * thresholds — each also written as plain Java.
 */
final class FiftyChecks {
    static final double MIN_LINE_RATIO = 0.8;
    static final double LATENCY_BUDGET_MS = 500.0;
    static final List<String> ALLOWED_CVES = List.of("CVE-2021-44228");
    static final List<String> FORBIDDEN_LICENSES = List.of("GPL-3.0-only", "AGPL-3.0-only", "AGPL-3.0-or-later", "SSPL-1.0");

    private FiftyChecks() {
    }

    static List<Check> all() {
        List<Check> checks = new ArrayList<>();
        baseline(checks);
        counts(checks);
        lists(checks);
        if (checks.size() != 50) {
            throw new IllegalStateException(checks.size() + " checks, not 50");
        }
        return List.copyOf(checks);
    }

    private static Check check(String id, String expression, String requires, Check.Java java) {
        return new Check(id, id.replace('-', ' '), expression, "blocker", List.of(requires.split(",")), java);
    }

    private static void baseline(List<Check> checks) {
        checks.add(check("tests-pass", """
                tests.failed + tests.errors == 0
                  || (!tests.failedTestsTruncated
                      && size(tests.failedTests) == tests.failed + tests.errors
                      && tests.failedTests.all(t, t.id in release.quarantine))""", "tests", (facts, quarantine) -> {
                    Map<String, Object> tests = map(facts, "tests");
                    long failed = integer(tests, "failed") + integer(tests, "errors");
                    if (failed == 0) {
                        return true;
                    }
                    List<Map<String, Object>> listed = maps(tests, "failedTests");
                    if (bool(tests, "failedTestsTruncated") || listed.size() != failed) {
                        return false;
                    }
                    for (Map<String, Object> test : listed) {
                        if (!quarantine.contains(text(test, "id"))) {
                            return false;
                        }
                    }
                    return true;
                }));
        checks.add(check("quarantined-failures", "!tests.failedTests.exists(t, t.id in release.quarantine)", "tests", (facts, quarantine) -> {
            for (Map<String, Object> test : maps(map(facts, "tests"), "failedTests")) {
                if (quarantine.contains(text(test, "id"))) {
                    return false;
                }
            }
            return true;
        }));
        checks.add(check("line-coverage", "coverage.lines.ratio >= params.minLineRatio", "coverage",
                (facts, quarantine) -> number(map(map(facts, "coverage"), "lines"), "ratio") >= MIN_LINE_RATIO));
        checks.add(check("no-critical-vulnerabilities", "vulns.bySeverity.critical == 0", "vulns",
                (facts, quarantine) -> integer(map(map(facts, "vulns"), "bySeverity"), "critical") == 0));
        checks.add(check("no-fixable-high-vulnerabilities", "vulns.fixable.high == 0", "vulns",
                (facts, quarantine) -> integer(map(map(facts, "vulns"), "fixable"), "high") == 0));
        checks.add(check("sbom-present", "sbom.present && sbom.componentCount > 0", "sbom",
                (facts, quarantine) -> bool(map(facts, "sbom"), "present") && integer(map(facts, "sbom"), "componentCount") > 0));
        checks.add(check("no-sast-errors", "sast.byLevel.error == 0", "sast",
                (facts, quarantine) -> integer(map(map(facts, "sast"), "byLevel"), "error") == 0));
        checks.add(check("load-test-thresholds", "size(perf.thresholds) > 0 && perf.thresholdsPassed", "perf",
                (facts, quarantine) -> !maps(map(facts, "perf"), "thresholds").isEmpty() && bool(map(facts, "perf"), "thresholdsPassed")));
        checks.add(check("latency-budget", "perf.p95Ms <= params.latencyBudgetMs", "perf",
                (facts, quarantine) -> number(map(facts, "perf"), "p95Ms") <= LATENCY_BUDGET_MS));
        checks.add(check("provenance-matches", "provenance.present && provenance.subjectsMatch", "provenance",
                (facts, quarantine) -> bool(map(facts, "provenance"), "present") && bool(map(facts, "provenance"), "subjectsMatch")));
    }

    private static void counts(List<Check> checks) {
        checks.add(check("skipped-share", "tests.skipped * 10 <= tests.total", "tests",
                (facts, quarantine) -> integer(map(facts, "tests"), "skipped") * 10 <= integer(map(facts, "tests"), "total")));
        checks.add(check("few-flaky", "tests.flaky <= 10", "tests", (facts, quarantine) -> integer(map(facts, "tests"), "flaky") <= 10));
        checks.add(check("suite-duration", "tests.durationSeconds < 1800.0", "tests",
                (facts, quarantine) -> number(map(facts, "tests"), "durationSeconds") < 1800.0));
        checks.add(check("enough-tests", "tests.total >= 100", "tests", (facts, quarantine) -> integer(map(facts, "tests"), "total") >= 100));
        checks.add(check("branch-coverage", "coverage.branches.ratio >= 0.6", "coverage",
                (facts, quarantine) -> number(map(map(facts, "coverage"), "branches"), "ratio") >= 0.6));
        checks.add(check("no-overlapping-coverage", "coverage.overlappingFiles == 0", "coverage",
                (facts, quarantine) -> integer(map(facts, "coverage"), "overlappingFiles") == 0));
        checks.add(check("coverage-counted", "coverage.lines.total > 0", "coverage",
                (facts, quarantine) -> integer(map(map(facts, "coverage"), "lines"), "total") > 0));
        checks.add(check("few-highs", "vulns.bySeverity.high <= 50", "vulns",
                (facts, quarantine) -> integer(map(map(facts, "vulns"), "bySeverity"), "high") <= 50));
        checks.add(check("few-mediums", "vulns.bySeverity.medium <= 1000", "vulns",
                (facts, quarantine) -> integer(map(map(facts, "vulns"), "bySeverity"), "medium") <= 1000));
        checks.add(check("no-fixable-critical", "vulns.fixable.critical == 0", "vulns",
                (facts, quarantine) -> integer(map(map(facts, "vulns"), "fixable"), "critical") == 0));
        checks.add(check("few-fixable-mediums", "vulns.fixable.medium <= 300", "vulns",
                (facts, quarantine) -> integer(map(map(facts, "vulns"), "fixable"), "medium") <= 300));
        checks.add(check("vulns-total-bounded", "vulns.total < 5000", "vulns", (facts, quarantine) -> integer(map(facts, "vulns"), "total") < 5000));
        checks.add(check("vulns-complete", "!vulns.findingsTruncated", "vulns", (facts, quarantine) -> !bool(map(facts, "vulns"), "findingsTruncated")));
        checks.add(check("few-sast-warnings", "sast.byLevel.warning <= 200", "sast",
                (facts, quarantine) -> integer(map(map(facts, "sast"), "byLevel"), "warning") <= 200));
        checks.add(check("no-critical-sast", "sast.bySecuritySeverity.critical == 0", "sast",
                (facts, quarantine) -> integer(map(map(facts, "sast"), "bySecuritySeverity"), "critical") == 0));
        checks.add(check("no-high-sast", "sast.bySecuritySeverity.high == 0", "sast",
                (facts, quarantine) -> integer(map(map(facts, "sast"), "bySecuritySeverity"), "high") == 0));
        checks.add(check("sast-complete", "!sast.resultsTruncated", "sast", (facts, quarantine) -> !bool(map(facts, "sast"), "resultsTruncated")));
        checks.add(check("p99-budget", "perf.p99Ms <= 1000.0", "perf", (facts, quarantine) -> number(map(facts, "perf"), "p99Ms") <= 1000.0));
        checks.add(check("error-rate", "perf.errorRate < 0.01", "perf", (facts, quarantine) -> number(map(facts, "perf"), "errorRate") < 0.01));
        checks.add(check("checks-pass", "perf.checksFailed == 0", "perf", (facts, quarantine) -> integer(map(facts, "perf"), "checksFailed") == 0));
        checks.add(check("sbom-size", "sbom.componentCount >= 10", "sbom", (facts, quarantine) -> integer(map(facts, "sbom"), "componentCount") >= 10));
        checks.add(check("sbom-complete", "!sbom.componentsTruncated", "sbom", (facts, quarantine) -> !bool(map(facts, "sbom"), "componentsTruncated")));
        checks.add(check("trusted-builder", "provenance.builderId.startsWith('https://github.com/')", "provenance",
                (facts, quarantine) -> text(map(facts, "provenance"), "builderId").startsWith("https://github.com/")));
        checks.add(check("provenance-enveloped", "provenance.enveloped", "provenance", (facts, quarantine) -> bool(map(facts, "provenance"), "enveloped")));
        checks.add(check("all-artifacts-attested", "size(provenance.unattestedArtifacts) == 0", "provenance",
                (facts, quarantine) -> texts(map(facts, "provenance"), "unattestedArtifacts").isEmpty()));
    }

    private static void lists(List<Check> checks) {
        checks.add(check("no-fixable-high-listed", "!vulns.findings.exists(f, f.severity == 'high' && f.hasFix)", "vulns", (facts, quarantine) -> {
            for (Map<String, Object> finding : maps(map(facts, "vulns"), "findings")) {
                if (text(finding, "severity").equals("high") && bool(finding, "hasFix")) {
                    return false;
                }
            }
            return true;
        }));
        checks.add(check("criticals-allowed", "vulns.findings.all(f, f.severity != 'critical' || f.id in params.allowedCves)", "vulns",
                (facts, quarantine) -> {
                    for (Map<String, Object> finding : maps(map(facts, "vulns"), "findings")) {
                        if (text(finding, "severity").equals("critical") && !ALLOWED_CVES.contains(text(finding, "id"))) {
                            return false;
                        }
                    }
                    return true;
                }));
        checks.add(check("no-log4shell", "!vulns.findings.exists(f, f['package'] == 'log4j-core' && f.installedVersion.startsWith('2.1'))",
                "vulns", (facts, quarantine) -> {
                    for (Map<String, Object> finding : maps(map(facts, "vulns"), "findings")) {
                        if ("log4j-core".equals(finding.get("package")) && text(finding, "installedVersion").startsWith("2.1")) {
                            return false;
                        }
                    }
                    return true;
                }));
        checks.add(check("few-high-findings", "vulns.findings.filter(f, f.severity == 'high').size() <= 50", "vulns", (facts, quarantine) -> {
            int high = 0;
            for (Map<String, Object> finding : maps(map(facts, "vulns"), "findings")) {
                if (text(finding, "severity").equals("high")) {
                    high++;
                }
            }
            return high <= 50;
        }));
        checks.add(check("no-critical-ghsa", "!vulns.findings.exists(f, f.severity == 'critical' && f.aliases.exists(a, a.startsWith('GHSA-')))",
                "vulns", (facts, quarantine) -> {
                    for (Map<String, Object> finding : maps(map(facts, "vulns"), "findings")) {
                        if (text(finding, "severity").equals("critical")
                                && texts(finding, "aliases").stream().anyMatch(alias -> alias.startsWith("GHSA-"))) {
                            return false;
                        }
                    }
                    return true;
                }));
        checks.add(check("few-aliases", "vulns.findings.all(f, size(f.aliases) < 20)", "vulns", (facts, quarantine) -> {
            for (Map<String, Object> finding : maps(map(facts, "vulns"), "findings")) {
                if (texts(finding, "aliases").size() >= 20) {
                    return false;
                }
            }
            return true;
        }));
        checks.add(check("no-forbidden-licenses", "sbom.licenses.all(l, !(l in params.forbiddenLicenses))", "sbom", (facts, quarantine) -> {
            for (String license : texts(map(facts, "sbom"), "licenses")) {
                if (FORBIDDEN_LICENSES.contains(license)) {
                    return false;
                }
            }
            return true;
        }));
        checks.add(check("no-agpl-components", "!sbom.components.exists(c, c.licenses.exists(l, l.startsWith('AGPL')))", "sbom",
                (facts, quarantine) -> {
                    for (Map<String, Object> component : maps(map(facts, "sbom"), "components")) {
                        if (texts(component, "licenses").stream().anyMatch(license -> license.startsWith("AGPL"))) {
                            return false;
                        }
                    }
                    return true;
                }));
        checks.add(check("components-have-purls", "sbom.components.all(c, has(c.purl))", "sbom", (facts, quarantine) -> {
            for (Map<String, Object> component : maps(map(facts, "sbom"), "components")) {
                if (!component.containsKey("purl")) {
                    return false;
                }
            }
            return true;
        }));
        checks.add(check("no-vulnerable-collections", "!sbom.components.exists(c, c.name == 'commons-collections' && c.version == '3.2.1')",
                "sbom", (facts, quarantine) -> {
                    for (Map<String, Object> component : maps(map(facts, "sbom"), "components")) {
                        if ("commons-collections".equals(component.get("name")) && "3.2.1".equals(component.get("version"))) {
                            return false;
                        }
                    }
                    return true;
                }));
        checks.add(check("flaky-not-quarantined", "tests.flakyTests.all(t, !(t.id in release.quarantine))", "tests", (facts, quarantine) -> {
            for (Map<String, Object> test : maps(map(facts, "tests"), "flakyTests")) {
                if (quarantine.contains(text(test, "id"))) {
                    return false;
                }
            }
            return true;
        }));
        checks.add(check("smoke-tests-pass", "!tests.failedTests.exists(t, t.suite == 'smoke')", "tests", (facts, quarantine) -> {
            for (Map<String, Object> test : maps(map(facts, "tests"), "failedTests")) {
                if (text(test, "suite").equals("smoke")) {
                    return false;
                }
            }
            return true;
        }));
        checks.add(check("no-sql-injection", "!sast.results.exists(r, r.level == 'error' && r.ruleId.startsWith('java/sql'))", "sast",
                (facts, quarantine) -> {
                    for (Map<String, Object> result : maps(map(facts, "sast"), "results")) {
                        if (text(result, "level").equals("error") && text(result, "ruleId").startsWith("java/sql")) {
                            return false;
                        }
                    }
                    return true;
                }));
        checks.add(check("no-high-sast-results", "!sast.results.exists(r, has(r.securitySeverity) && r.securitySeverity == 'high')", "sast",
                (facts, quarantine) -> {
                    for (Map<String, Object> result : maps(map(facts, "sast"), "results")) {
                        if ("high".equals(result.get("securitySeverity"))) {
                            return false;
                        }
                    }
                    return true;
                }));
        checks.add(check("failed-requests-threshold", "perf.thresholds.all(t, t.passed || t.metric != 'http_req_failed')", "perf",
                (facts, quarantine) -> {
                    for (Map<String, Object> threshold : maps(map(facts, "perf"), "thresholds")) {
                        if (!bool(threshold, "passed") && text(threshold, "metric").equals("http_req_failed")) {
                            return false;
                        }
                    }
                    return true;
                }));
    }

    /** The 50 checks as a pack's YAML: every expression in a literal block, so none needs quoting. */
    static String packYaml(List<Check> checks) {
        StringBuilder yaml = new StringBuilder("""
                id: bench/fifty-rules
                version: 1.0.0
                description: The baseline pack's rules and 40 more, for the evaluation benchmark.
                parameters:
                  minLineRatio: {type: double, default: 0.8}
                  latencyBudgetMs: {type: double}
                  allowedCves: {type: list(string), default: []}
                  forbiddenLicenses: {type: list(string), default: []}
                rules:
                """);
        for (Check check : checks) {
            yaml.append("  - id: ").append(check.id()).append('\n')
                    .append("    title: ").append(check.title()).append('\n')
                    .append("    expression: |\n");
            check.expression().lines().forEach(line -> yaml.append("      ").append(line).append('\n'));
            yaml.append("    severity: ").append(check.severity()).append('\n')
                    .append("    requires: [").append(String.join(", ", check.requires())).append("]\n")
                    .append("    remediation: Fix it.\n");
        }
        return yaml.toString();
    }

    /** The parameters the benchmark evaluates with, matching the constants the Java checks use. */
    static Map<String, Object> parameters() {
        return Map.of("minLineRatio", MIN_LINE_RATIO, "latencyBudgetMs", LATENCY_BUDGET_MS, "allowedCves", ALLOWED_CVES,
                "forbiddenLicenses", FORBIDDEN_LICENSES);
    }
}
