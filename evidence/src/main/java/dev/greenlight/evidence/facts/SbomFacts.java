package dev.greenlight.evidence.facts;

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
 */
public record SbomFacts(
        String format,
        String specVersion,
        long componentCount,
        List<Component> components,
        Set<String> licenses,
        long dependencyCount,
        List<Finding> vulnerabilities,
        boolean componentsTruncated) implements EvidenceFacts {

    public SbomFacts {
        components = List.copyOf(components);
        licenses = java.util.Collections.unmodifiableSet(new TreeSet<>(licenses));
        vulnerabilities = List.copyOf(vulnerabilities);
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
                        .put("total", (long) vulnerabilities.size())
                        .put("bySeverity", Finding.countsBySeverity(vulnerabilities))
                        .put("findings", vulnerabilities.stream().map(Finding::toMap).toList()).build())
                .put("componentsTruncated", componentsTruncated)
                .build();
    }
}
