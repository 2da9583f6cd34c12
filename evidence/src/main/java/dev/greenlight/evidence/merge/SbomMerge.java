package dev.greenlight.evidence.merge;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SbomFacts.Component;

/**
 * SBOMs of one release describe overlapping parts of it (an image SBOM contains the application's), so components
 * are a union: one component is one package URL, else one name and version. When an SBOM's component list was cut,
 * the union cannot be counted, and the sum of the SBOMs' counts is the best bound there is. The SBOMs'
 * vulnerabilities are not repeated here: they count under {@code vulns}, deduplicated with the scanners' and with VEX
 * applied.
 */
final class SbomMerge {
    private SbomMerge() {
    }

    static Map<String, Object> merge(List<SourcedFacts> evidence, int maxListedItems) {
        Set<String> formats = new LinkedHashSet<>();
        Set<String> componentKeys = new HashSet<>();
        BoundedList<Map<String, Object>> components = new BoundedList<>(maxListedItems);
        Set<String> licenses = new TreeSet<>();
        long dependencyCount = 0;
        long componentCountSum = 0;
        boolean truncated = false;
        for (SourcedFacts one : evidence) {
            SbomFacts facts = (SbomFacts) one.facts();
            formats.add(facts.format());
            licenses.addAll(facts.licenses());
            dependencyCount += facts.dependencyCount();
            componentCountSum += facts.componentCount();
            truncated |= facts.componentsTruncated();
            for (Component component : facts.components()) {
                if (componentKeys.add(key(component))) {
                    components.add(component.toMap());
                }
            }
        }
        return MergedMap.create()
                .put("present", true)
                .put("formats", List.copyOf(formats))
                .put("componentCount", truncated ? componentCountSum : (long) componentKeys.size())
                .put("components", components.items())
                .put("licenses", List.copyOf(licenses))
                .put("dependencyCount", dependencyCount)
                .put("componentsTruncated", truncated || components.cut())
                .put("sources", Sources.of(evidence))
                .build();
    }

    private static String key(Component component) {
        if (component.purl() != null) {
            return component.purl();
        }
        // A space cannot be in a purl, so a name@version key never collides with a package URL key.
        return component.name() + " @" + (component.version() == null ? "" : component.version());
    }
}
