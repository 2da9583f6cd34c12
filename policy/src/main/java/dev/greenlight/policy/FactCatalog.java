package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every fact the release-facts merge ({@code ReleaseFactsMerger} in the evidence library, docs/facts.md "Release
 * facts") produces, by dotted name, with its type. Nested maps with fixed keys ({@code vulns.bySeverity},
 * {@code coverage.lines}) are listed by their leaves ({@code vulns.bySeverity.critical}), which is how rules read them;
 * lists of items are one fact each ({@code vulns.findings}). A conformance test in this module merges real facts and
 * checks both directions, so the catalog cannot drift from the merger.
 */
public final class FactCatalog {
    private static final FactCatalog STANDARD = buildStandard();

    private final Map<String, FactType> types;
    private final Set<String> families;

    private FactCatalog(Map<String, FactType> types) {
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        Set<String> familyNames = new LinkedHashSet<>();
        types.keySet().forEach(name -> familyNames.add(familyOf(name)));
        this.families = Collections.unmodifiableSet(familyNames);
    }

    /** The facts of the merge as of this library's evidence version. */
    public static FactCatalog standard() {
        return STANDARD;
    }

    /** The type of a fact, e.g. {@code vulns.bySeverity.critical} → {@link FactType#INT}; empty for an unknown name. */
    public Optional<FactType> typeOf(String dottedName) {
        return Optional.ofNullable(types.get(requireNonNull(dottedName, "dottedName is null")));
    }

    /** The families, in the merger's order: tests, coverage, sbom, vulns, sast, perf, vex, provenance. */
    public Set<String> families() {
        return families;
    }

    /** Every fact, dotted name → type, by family in the merger's order. */
    public Map<String, FactType> facts() {
        return types;
    }

    /** The family of a dotted fact name: its first segment. */
    public static String familyOf(String dottedName) {
        int dot = dottedName.indexOf('.');
        return dot < 0 ? dottedName : dottedName.substring(0, dot);
    }

    private static FactCatalog buildStandard() {
        Map<String, FactType> facts = new LinkedHashMap<>();
        // tests: TestFacts summed over reports (TestsMerge)
        ints(facts, "tests.", "total", "passed", "failed", "errors", "skipped", "flaky");
        facts.put("tests.durationSeconds", FactType.DOUBLE);
        facts.put("tests.failedTests", FactType.MAP_LIST);
        facts.put("tests.flakyTests", FactType.MAP_LIST);
        facts.put("tests.failedTestsTruncated", FactType.BOOL);
        facts.put("tests.flakyTestsTruncated", FactType.BOOL);
        facts.put("tests.sources", FactType.MAP_LIST);
        // coverage: counters summed, ratios recomputed (CoverageMerge)
        for (String counter : new String[] {"lines", "branches"}) {
            ints(facts, "coverage." + counter + ".", "covered", "missed", "total");
            facts.put("coverage." + counter + ".ratio", FactType.DOUBLE);
        }
        facts.put("coverage.files", FactType.MAP_LIST);
        facts.put("coverage.filesTruncated", FactType.BOOL);
        ints(facts, "coverage.", "reports", "overlappingFiles");
        facts.put("coverage.sources", FactType.MAP_LIST);
        // sbom: union of components (SbomMerge)
        facts.put("sbom.present", FactType.BOOL);
        facts.put("sbom.formats", FactType.STRING_LIST);
        facts.put("sbom.componentCount", FactType.INT);
        facts.put("sbom.components", FactType.MAP_LIST);
        facts.put("sbom.licenses", FactType.STRING_LIST);
        facts.put("sbom.dependencyCount", FactType.INT);
        facts.put("sbom.componentsTruncated", FactType.BOOL);
        facts.put("sbom.sources", FactType.MAP_LIST);
        // vulns: scanners' and SBOMs' findings deduplicated, VEX applied (VulnsMerge)
        facts.put("vulns.scanners", FactType.STRING_LIST);
        facts.put("vulns.total", FactType.INT);
        ints(facts, "vulns.bySeverity.", Severities.NAMES);
        ints(facts, "vulns.fixable.", Severities.NAMES);
        facts.put("vulns.findings", FactType.MAP_LIST);
        facts.put("vulns.suppressed", FactType.MAP_LIST);
        facts.put("vulns.ignored", FactType.MAP_LIST);
        facts.put("vulns.findingsTruncated", FactType.BOOL);
        facts.put("vulns.sources", FactType.MAP_LIST);
        // sast: counts summed, results listed (SastMerge)
        facts.put("sast.tools", FactType.STRING_LIST);
        facts.put("sast.total", FactType.INT);
        ints(facts, "sast.byLevel.", "error", "warning", "note", "none");
        ints(facts, "sast.bySecuritySeverity.", Severities.NAMES);
        facts.put("sast.results", FactType.MAP_LIST);
        facts.put("sast.suppressed", FactType.INT);
        facts.put("sast.resultsTruncated", FactType.BOOL);
        facts.put("sast.sources", FactType.MAP_LIST);
        // perf: the latest k6 summary, whole (PerfMerge); the percentiles and rates are absent when k6 had none
        for (String name : new String[] {"p90Ms", "p95Ms", "p99Ms", "avgMs", "medianMs", "maxMs", "errorRate", "requestRate"}) {
            facts.put("perf." + name, FactType.DOUBLE);
        }
        ints(facts, "perf.", "requests", "checksPassed", "checksFailed");
        facts.put("perf.thresholds", FactType.MAP_LIST);
        facts.put("perf.thresholdsPassed", FactType.BOOL);
        facts.put("perf.runs", FactType.INT);
        facts.put("perf.sources", FactType.MAP_LIST);
        // vex: every statement in the order they take effect (VexMerge)
        facts.put("vex.statements", FactType.MAP_LIST);
        facts.put("vex.count", FactType.INT);
        facts.put("vex.statementsTruncated", FactType.BOOL);
        facts.put("vex.sources", FactType.MAP_LIST);
        // provenance: subjects matched against the release's artifacts (ProvenanceMerge); the builder's details are
        // absent when the statement has none
        facts.put("provenance.present", FactType.BOOL);
        for (String name : new String[] {"predicateType", "builderId", "buildType", "sourceRepository", "commit"}) {
            facts.put("provenance." + name, FactType.STRING);
        }
        facts.put("provenance.subjects", FactType.MAP_LIST);
        facts.put("provenance.enveloped", FactType.BOOL);
        facts.put("provenance.matchedArtifacts", FactType.STRING_LIST);
        facts.put("provenance.unmatchedSubjects", FactType.STRING_LIST);
        facts.put("provenance.unattestedArtifacts", FactType.STRING_LIST);
        facts.put("provenance.subjectsMatch", FactType.BOOL);
        facts.put("provenance.mismatch", FactType.BOOL);
        facts.put("provenance.sources", FactType.MAP_LIST);
        return new FactCatalog(facts);
    }

    private static void ints(Map<String, FactType> facts, String prefix, String... names) {
        for (String name : names) {
            facts.put(prefix + name, FactType.INT);
        }
    }

    /** The severity keys of every by-severity count. */
    private static final class Severities {
        static final String[] NAMES = {"critical", "high", "medium", "low", "negligible", "unknown"};
    }
}
