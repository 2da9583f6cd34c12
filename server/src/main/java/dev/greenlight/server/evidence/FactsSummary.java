package dev.greenlight.server.evidence;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

/**
 * The few headline numbers of a file's facts, shown in upload answers and evidence lists (the whole facts are one
 * request away). Names are those of the documented facts, so a summary reads like the facts it abbreviates.
 */
final class FactsSummary {
    private FactsSummary() {
    }

    static Map<String, Object> of(EvidenceFacts facts) {
        Map<String, Object> all = facts.toMap();
        return switch (facts) {
            case TestFacts tests -> pick(all, "total", "passed", "failed", "errors", "skipped", "flaky");
            case CoverageFacts coverage -> Map.of(
                    "lines", pick(asMap(all.get("lines")), "covered", "missed", "ratio"),
                    "branches", pick(asMap(all.get("branches")), "covered", "missed", "ratio"));
            case SbomFacts sbom -> {
                Map<String, Object> summary = pick(all, "format", "specVersion", "componentCount", "dependencyCount");
                summary.put("licenses", (long) sbom.licenses().size());
                summary.put("vulnerabilities", sbom.vulnerabilitiesBySeverity().total());
                yield summary;
            }
            case VulnerabilityFacts vulns -> pick(all, "scanner", "total", "bySeverity", "fixable");
            case SastFacts sast -> pick(all, "tools", "total", "byLevel");
            case PerformanceFacts perf -> pick(all, "p95Ms", "p99Ms", "errorRate", "requestRate", "thresholdsPassed");
            case VexFacts vex -> Map.of("statements", (long) vex.statements().size());
            case ProvenanceFacts provenance -> {
                Map<String, Object> summary = pick(all, "builderId", "sourceRepository", "commit");
                summary.put("subjects", (long) provenance.subjects().size());
                yield summary;
            }
        };
    }

    private static Map<String, Object> pick(Map<String, Object> all, String... names) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String name : names) {
            picked.put(name, all.get(name));
        }
        return picked;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
