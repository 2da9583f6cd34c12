package dev.greenlight.bench.policy;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.PerformanceFacts.Threshold;
import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts.Subject;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SastFacts.Level;
import dev.greenlight.evidence.facts.SastFacts.Result;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SbomFacts.Component;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.TestFacts.TestCase;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VexFacts.Statement;
import dev.greenlight.evidence.facts.VexFacts.Status;
import dev.greenlight.evidence.facts.VulnerabilityFacts;
import dev.greenlight.evidence.merge.ReleaseArtifact;
import dev.greenlight.evidence.merge.ReleaseFactsMerger;
import dev.greenlight.evidence.merge.SourcedFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The facts of a large, realistic release, made the way the server makes them: evidence records merged by
 * {@link ReleaseFactsMerger} with the server's listing limit. A Trivy report with 2,000 findings (none critical, 40 high
 * of which 10 have a fix, the rest medium to unknown), a CycloneDX SBOM of 500 components with their licenses, a JUnit
 * run of 10,000 tests with 20 failed (5 of them quarantined) and 8 flaky, JaCoCo coverage over 400 files, a SARIF log
 * of 200 results, a k6 summary with 3 thresholds, 10 VEX statements and SLSA provenance of the two release artifacts.
 * Deterministic (fixed seed): every JVM evaluates the same facts.
 */
final class ReleaseFixture {
    static final int FINDINGS = 2_000;
    static final int COMPONENTS = 500;
    static final int TESTS = 10_000;
    static final int FAILED_TESTS = 20;
    /** The failed tests on the release's quarantine list. */
    static final List<String> QUARANTINE = List.of("com.acme.shop.Test3.case3", "com.acme.shop.Test7.case7", "com.acme.shop.Test11.case11",
            "com.acme.shop.Test15.case15", "com.acme.shop.Test19.case19");

    private static final Instant UPLOADED = Instant.parse("2026-01-05T10:00:00Z");
    private static final String[] LICENSES = {"Apache-2.0", "MIT", "BSD-3-Clause", "ISC", "EPL-2.0", "LGPL-2.1-only", "BSD-2-Clause"};

    private ReleaseFixture() {
    }

    static Map<String, Object> facts() {
        SplittableRandom random = new SplittableRandom(20260105L);
        String jar = digest(random);
        String image = digest(random);
        List<SourcedFacts> evidence = List.of(
                evidence("junit", EvidenceType.JUNIT, tests()),
                evidence("jacoco", EvidenceType.JACOCO, coverage(random)),
                evidence("cyclonedx", EvidenceType.CYCLONEDX, sbom(random)),
                evidence("trivy", EvidenceType.TRIVY, vulnerabilities(random)),
                evidence("sarif", EvidenceType.SARIF, sast(random)),
                evidence("k6", EvidenceType.K6, performance()),
                evidence("openvex", EvidenceType.OPENVEX, vex()),
                evidence("in-toto", EvidenceType.IN_TOTO, new ProvenanceFacts("https://slsa.dev/provenance/v1",
                        "https://github.com/actions/runner/github-hosted", "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                        "https://github.com/acme/shop", "4f1c2a9d7e3b5c6a8f0e1d2c3b4a59687766554433",
                        List.of(new Subject("shop.jar", Map.of("sha256", jar)), new Subject("shop-image", Map.of("sha256", image))), true)));
        return new ReleaseFactsMerger(10_000).merge(evidence,
                List.of(new ReleaseArtifact("shop.jar", jar), new ReleaseArtifact("shop-image", image)));
    }

    private static SourcedFacts evidence(String id, EvidenceType type, EvidenceFacts facts) {
        return new SourcedFacts(id, type, id.repeat(64).substring(0, 64).replaceAll("[^0-9a-f]", "a"), UPLOADED, facts);
    }

    private static TestFacts tests() {
        List<TestCase> failed = new ArrayList<>();
        for (int index = 1; index <= FAILED_TESTS; index++) {
            failed.add(new TestCase(index % 4 == 0 ? "integration" : "unit", "com.acme.shop.Test" + index, "case" + index,
                    "expected <" + index + "> but was <" + (index + 1) + ">"));
        }
        List<TestCase> flaky = new ArrayList<>();
        for (int index = 1; index <= 8; index++) {
            flaky.add(new TestCase("unit", "com.acme.shop.Flaky" + index, "retries", null));
        }
        return new TestFacts(TESTS, TESTS - FAILED_TESTS - 120, FAILED_TESTS, 0, 120, flaky.size(), 1_432.5, failed, flaky, false, false);
    }

    private static CoverageFacts coverage(SplittableRandom random) {
        List<FileCoverage> files = new ArrayList<>();
        long covered = 0;
        long missed = 0;
        for (int index = 0; index < 400; index++) {
            long fileCovered = 50 + random.nextInt(400);
            long fileMissed = random.nextInt(90);
            covered += fileCovered;
            missed += fileMissed;
            files.add(new FileCoverage("src/main/java/com/acme/shop/Class" + index + ".java", new Counter(fileCovered, fileMissed),
                    new Counter(fileCovered / 4, fileMissed / 3)));
        }
        return new CoverageFacts(new Counter(covered, missed), new Counter(covered / 4, missed / 3), files, false);
    }

    private static SbomFacts sbom(SplittableRandom random) {
        List<Component> components = new ArrayList<>();
        Set<String> licenses = new LinkedHashSet<>();
        for (int index = 0; index < COMPONENTS; index++) {
            String license = LICENSES[random.nextInt(LICENSES.length)];
            licenses.add(license);
            String name = "lib" + index;
            String version = random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(10);
            components.add(new Component(name, version, "pkg:maven/com.example/" + name + "@" + version, "library", List.of(license)));
        }
        return SbomFacts.withAllVulnerabilities("cyclonedx", "1.6", COMPONENTS, components, licenses, 1_200, List.of(), false);
    }

    private static VulnerabilityFacts vulnerabilities(SplittableRandom random) {
        List<Finding> findings = new ArrayList<>();
        for (int index = 0; index < FINDINGS; index++) {
            Severity severity = index < 40 ? Severity.HIGH
                    : switch (random.nextInt(10)) {
                        case 0, 1, 2 -> Severity.MEDIUM;
                        case 3, 4, 5, 6 -> Severity.LOW;
                        case 7, 8 -> Severity.NEGLIGIBLE;
                        default -> Severity.UNKNOWN;
                    };
            boolean fixed = index < 10 || (index >= 40 && random.nextInt(3) == 0);
            String name = "lib" + random.nextInt(COMPONENTS);
            String version = random.nextInt(5) + "." + random.nextInt(20) + "." + random.nextInt(10);
            List<String> aliases = index % 3 == 0 ? List.of("GHSA-" + Integer.toString(100_000 + index, 36) + "-xxxx") : List.of();
            findings.add(new Finding("CVE-2025-" + (10_000 + index), severity, name, version, fixed ? version + "-fix1" : null,
                    "pkg:maven/com.example/" + name + "@" + version, "Issue " + index + " in " + name, aliases));
        }
        return VulnerabilityFacts.complete("trivy", findings, List.of());
    }

    private static SastFacts sast(SplittableRandom random) {
        List<Result> results = new ArrayList<>();
        for (int index = 0; index < 200; index++) {
            boolean security = index % 5 == 0;
            results.add(new Result((security ? "java/" : "style/") + "rule-" + (index % 37), index % 4 == 0 ? Level.NOTE : Level.WARNING,
                    security ? Severity.MEDIUM : null, "Finding " + index, "src/main/java/com/acme/shop/Class" + random.nextInt(400) + ".java:"
                            + (1 + random.nextInt(300))));
        }
        return SastFacts.complete(List.of("semgrep", "codeql"), results, List.of());
    }

    private static PerformanceFacts performance() {
        return new PerformanceFacts(180.0, 240.5, 410.0, 150.2, 140.1, 1_900.0, 0.0012, 480.5, 288_300L, 57_660, 0,
                List.of(new Threshold("http_req_duration", "p(95)<500", true), new Threshold("http_req_failed", "rate<0.01", true),
                        new Threshold("checks", "rate>0.99", true)));
    }

    private static VexFacts vex() {
        List<Statement> statements = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            statements.add(new Statement("CVE-2024-" + (90_000 + index), List.of(), List.of("pkg:oci/shop"), Status.NOT_AFFECTED,
                    "vulnerable_code_not_in_execute_path"));
        }
        return new VexFacts(statements);
    }

    private static String digest(SplittableRandom random) {
        byte[] bytes = new byte[32];
        for (int index = 0; index < bytes.length; index++) {
            bytes[index] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(bytes);
    }
}
