package dev.greenlight.evidence.facts;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * A software bill of materials (CycloneDX or SPDX): its components (nested ones flattened), the licenses they
 * declare (SPDX ids, or whole expressions when a license is an expression), the number of dependency relations, and
 * the vulnerabilities it carries when it has them.
 *
 * @param componentCount every component of the SBOM, listed or not
 * @param components the components, listed up to the listing limit ({@code componentsTruncated} then true)
 * @param vulnerabilities the vulnerability findings, listed up to the listing limit ({@code vulnerabilitiesTruncated}
 *     then true)
 * @param vulnerabilitiesBySeverity every vulnerability finding of the SBOM by severity, listed or not
 * @param fixableVulnerabilities every vulnerability finding of the SBOM that has a fix, by severity, listed or not
 */
public record SbomFacts(
        String format,
        String specVersion,
        long componentCount,
        List<Component> components,
        Set<String> licenses,
        long dependencyCount,
        List<Finding> vulnerabilities,
        boolean componentsTruncated,
        SeverityCounts vulnerabilitiesBySeverity,
        SeverityCounts fixableVulnerabilities,
        boolean vulnerabilitiesTruncated) implements EvidenceFacts {

    public SbomFacts {
        components = List.copyOf(components);
        licenses = java.util.Collections.unmodifiableSet(new TreeSet<>(licenses));
        vulnerabilities = List.copyOf(vulnerabilities);
        requireNonNull(vulnerabilitiesBySeverity, "vulnerabilitiesBySeverity is null");
        requireNonNull(fixableVulnerabilities, "fixableVulnerabilities is null");
    }

    /** Facts whose vulnerability list holds every finding, so their counts are those of the list. */
    public static SbomFacts withAllVulnerabilities(String format, String specVersion, long componentCount, List<Component> components,
            Set<String> licenses, long dependencyCount, List<Finding> vulnerabilities, boolean componentsTruncated) {
        return new SbomFacts(format, specVersion, componentCount, components, licenses, dependencyCount, vulnerabilities,
                componentsTruncated, SeverityCounts.of(vulnerabilities), SeverityCounts.fixableOf(vulnerabilities), false);
    }

    /** Whether the SBOM carries any vulnerability finding, listed or not. */
    public boolean hasVulnerabilities() {
        return vulnerabilitiesBySeverity.total() > 0 || !vulnerabilities.isEmpty();
    }

    public record Component(String name, @Nullable String version, @Nullable String purl, @Nullable String type, List<String> licenses) {
        public Component {
            licenses = List.copyOf(licenses);
        }

        /** The component's facts; public so that merged release facts list it in the same shape. */
        public Map<String, Object> toMap() {
            return FactMaps.create().put("name", name).put("version", version).put("purl", purl).put("type", type)
                    .put("licenses", licenses).build();
        }
    }

    @Override
    public FactFamily family() {
        return FactFamily.SBOM;
    }

    @Override
    public Map<String, Object> toMap() {
        return FactMaps.create()
                .put("present", true)
                .put("format", format).put("specVersion", specVersion)
                .put("componentCount", componentCount)
                .put("components", components.stream().map(Component::toMap).toList())
                .put("licenses", List.copyOf(licenses))
                .put("dependencyCount", dependencyCount)
                .put("vulnerabilities", FactMaps.create()
                        .put("total", vulnerabilitiesBySeverity.total())
                        .put("bySeverity", vulnerabilitiesBySeverity.toMap())
                        .put("findings", vulnerabilities.stream().map(Finding::toMap).toList())
                        .put("findingsTruncated", vulnerabilitiesTruncated).build())
                .put("componentsTruncated", componentsTruncated)
                .build();
    }
}
