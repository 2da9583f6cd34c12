package dev.greenlight.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

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

/**
 * The catalog against the evidence library's merge: release facts merged from evidence of every type, every optional
 * value filled, must give exactly the catalog's facts, each of a type the catalog's accepts. A fact added to or renamed
 * in the merger fails this test until the catalog (and docs/policy.md) follow.
 */
class FactCatalogConformanceTest {
    private static final String ARTIFACT_SHA256 = "a".repeat(64);
    private static final Instant UPLOADED = Instant.parse("2026-01-05T10:00:00Z");

    private static SourcedFacts evidence(String id, EvidenceType type, EvidenceFacts facts) {
        return new SourcedFacts(id, type, String.valueOf(id.hashCode() & 0xf).repeat(64), UPLOADED, facts);
    }

    /** Evidence of every type, with every optional value present and every list non-empty. */
    static Map<String, Object> mergedFactsOfEveryKind() {
        TestCase failed = new TestCase("cart", "com.acme.CartTest", "total", "expected 3");
        TestCase flaky = new TestCase("cart", null, "retries", null);
        Finding critical = new Finding("CVE-2021-44228", Severity.CRITICAL, "log4j-core", "2.14.1", "2.17.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "Log4Shell", List.of("GHSA-jfh8-c2jp-5v3q"));
        Finding suppressed = new Finding("CVE-2024-0002", Severity.LOW, "libz", "1.0", null, "pkg:deb/debian/libz@1.0", null, List.of());
        Finding ignored = new Finding("CVE-2024-0003", Severity.MEDIUM, "libq", "2.0", null, null, null, List.of());
        Statement notAffected = new Statement("CVE-2024-0002", List.of(), List.of("pkg:deb/debian/libz@1.0"), Status.NOT_AFFECTED,
                "vulnerable_code_not_present");
        List<SourcedFacts> evidence = List.of(
                evidence("junit", EvidenceType.JUNIT, new TestFacts(10, 8, 1, 0, 1, 1, 2.5, List.of(failed), List.of(flaky), false, false)),
                evidence("jacoco", EvidenceType.JACOCO, new CoverageFacts(new Counter(80, 20), new Counter(5, 5),
                        List.of(new FileCoverage("src/Cart.java", new Counter(8, 2), new Counter(1, 1))), false)),
                evidence("cyclonedx", EvidenceType.CYCLONEDX, SbomFacts.withAllVulnerabilities("cyclonedx", "1.6", 1,
                        List.of(new Component("log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "library",
                                List.of("Apache-2.0"))), Set.of("Apache-2.0"), 3, List.of(), false)),
                evidence("trivy", EvidenceType.TRIVY, VulnerabilityFacts.complete("trivy", List.of(critical, suppressed), List.of(ignored))),
                evidence("sarif", EvidenceType.SARIF, SastFacts.complete(List.of("semgrep"),
                        List.of(new Result("java.sqli", Level.ERROR, Severity.HIGH, "query built from input", "src/Db.java:12")),
                        List.of(new Result("java.weak-hash", Level.WARNING, null, "md5", "src/Hash.java:3")))),
                evidence("k6", EvidenceType.K6, new PerformanceFacts(180.0, 240.0, 410.0, 150.0, 140.0, 900.0, 0.001, 120.5, 5000L, 990, 10,
                        List.of(new Threshold("http_req_duration", "p(95)<500", true)))),
                evidence("openvex", EvidenceType.OPENVEX, new VexFacts(List.of(notAffected))),
                evidence("in-toto", EvidenceType.IN_TOTO, new ProvenanceFacts("https://slsa.dev/provenance/v1",
                        "https://github.com/actions/runner", "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                        "https://github.com/acme/shop", "0123456789abcdef0123456789abcdef01234567",
                        List.of(new Subject("shop.jar", Map.of("sha256", ARTIFACT_SHA256)), new Subject("other.jar", Map.of("sha256", "b".repeat(64)))),
                        true)));
        return new ReleaseFactsMerger(100).merge(evidence,
                List.of(new ReleaseArtifact("shop.jar", ARTIFACT_SHA256), new ReleaseArtifact("shop.sbom", "c".repeat(64))));
    }

    /** Dotted name → value of every leaf: maps are walked, anything else (lists included) is a fact. */
    private static Map<String, Object> leaves(Map<String, Object> facts) {
        Map<String, Object> leaves = new TreeMap<>();
        facts.forEach((family, values) -> collect(family, values, leaves));
        return leaves;
    }

    private static void collect(String name, Object value, Map<String, Object> leaves) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collect(name + "." + key, item, leaves));
        } else {
            leaves.put(name, value);
        }
    }

    @Test
    void everyMergedFactIsInTheCatalogWithATypeItAccepts() {
        Map<String, Object> leaves = leaves(mergedFactsOfEveryKind());
        FactCatalog catalog = FactCatalog.standard();

        List<String> mismatches = new ArrayList<>();
        leaves.forEach((name, value) -> {
            FactType type = catalog.typeOf(name).orElse(null);
            if (type == null) {
                mismatches.add(name + " is not in the catalog");
            } else if (FactValues.convert(value, type) instanceof FactValues.DoesNotFit doesNotFit) {
                mismatches.add(name + " " + doesNotFit.problem());
            } else if (value instanceof List<?> list && list.isEmpty()) {
                mismatches.add(name + " is empty in the fixture, so its item type is unchecked");
            } else if (type == FactType.LIST || type == FactType.MAP) {
                mismatches.add(name + " should have a precise type, not " + type.typeName());
            }
        });

        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyCatalogFactIsProducedByTheMerge() {
        Set<String> produced = leaves(mergedFactsOfEveryKind()).keySet();

        assertThat(new TreeSet<>(FactCatalog.standard().facts().keySet())).containsExactlyElementsOf(new TreeSet<>(produced));
    }

    @Test
    void theFamiliesAreTheMergersPrefixesInItsOrder() {
        assertThat(FactCatalog.standard().families()).containsExactly(
                java.util.Arrays.stream(EvidenceType.FactFamily.values()).map(EvidenceType.FactFamily::prefix).toArray(String[]::new));
    }

    @Test
    void theBaselinePackReadsRealMergedFactsWithoutErrors() {
        CompiledPack baseline = Packs.compile(BaselinePack.yaml());

        Evaluation evaluation = baseline.evaluate(new EvaluationInput(mergedFactsOfEveryKind(), Map.of("latencyBudgetMs", 300), List.of()));

        assertThat(evaluation.results()).allSatisfy(result -> assertThat(result.outcome()).as(result.ruleId() + ": " + result.error())
                .isIn(Outcome.PASS, Outcome.FAIL));
        assertThat(evaluation.results()).filteredOn(result -> result.outcome() == Outcome.FAIL).extracting(RuleResult::ruleId)
                .containsExactly("tests-pass", "no-critical-vulnerabilities", "no-sast-errors",
                        "provenance-matches");
    }
}
