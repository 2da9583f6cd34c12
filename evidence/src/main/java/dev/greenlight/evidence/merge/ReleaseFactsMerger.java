package dev.greenlight.evidence.merge;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * Merges the facts of a release's evidence files into the facts gates read: one map per family, keyed by the
 * family's prefix ({@code tests}, {@code coverage}, {@code sbom}, {@code vulns}, {@code sast}, {@code perf},
 * {@code vex}, {@code provenance}), in the value types of {@code EvidenceFacts.toMap()}, each with a {@code sources}
 * list of the evidence it came from ({@code evidence} id, {@code type}, {@code sha256}). The rules per family are in
 * docs/facts.md ("Release facts"). Stateless and thread-safe.
 */
public final class ReleaseFactsMerger {
    private final int maxListedItems;

    /** @param maxListedItems how many items a merged list keeps before it is cut and flagged truncated */
    public ReleaseFactsMerger(int maxListedItems) {
        if (maxListedItems < 1) {
            throw new IllegalArgumentException("maxListedItems must be at least 1, not " + maxListedItems);
        }
        this.maxListedItems = maxListedItems;
    }

    /**
     * Families with no evidence are absent from the result (so gates report missing evidence).
     *
     * @param evidence the release's evidence in upload order, oldest first: later VEX statements and k6 runs win (it is
     *     ordered by {@code uploadedAt} again, keeping the list order of files uploaded at the same instant, so that a
     *     caller listing by another key cannot change which statement or run wins)
     * @param artifacts the files the release ships, which provenance subjects must match
     */
    public Map<String, Object> merge(List<SourcedFacts> evidence, List<ReleaseArtifact> artifacts) {
        requireNonNull(evidence, "evidence is null");
        requireNonNull(artifacts, "artifacts is null");
        // A stable sort: files of one upload share their instant and keep the caller's order.
        List<SourcedFacts> inUploadOrder = evidence.stream().sorted(Comparator.comparing(SourcedFacts::uploadedAt)).toList();
        Map<String, Object> merged = new LinkedHashMap<>();
        for (FactFamily family : FactFamily.values()) {
            mergeFamily(family, inUploadOrder, artifacts).ifPresent(facts -> merged.put(family.prefix(), facts));
        }
        return Collections.unmodifiableMap(merged);
    }

    private Optional<Map<String, Object>> mergeFamily(FactFamily family, List<SourcedFacts> evidence, List<ReleaseArtifact> artifacts) {
        if (family == FactFamily.VULNERABILITIES) {
            // Reads SBOM vulnerabilities and VEX statements too, so it picks its evidence itself.
            return VulnsMerge.merge(evidence, maxListedItems);
        }
        List<SourcedFacts> ofFamily = evidence.stream().filter(one -> one.type().family() == family).toList();
        if (ofFamily.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (family) {
            case TESTS -> TestsMerge.merge(ofFamily, maxListedItems);
            case COVERAGE -> CoverageMerge.merge(ofFamily, maxListedItems);
            case SBOM -> SbomMerge.merge(ofFamily, maxListedItems);
            case SAST -> SastMerge.merge(ofFamily, maxListedItems);
            case PERFORMANCE -> PerfMerge.merge(ofFamily);
            case VEX -> VexMerge.merge(ofFamily, maxListedItems);
            case PROVENANCE -> ProvenanceMerge.merge(ofFamily, artifacts);
            case VULNERABILITIES -> throw new IllegalStateException("merged above");
        });
    }
}
