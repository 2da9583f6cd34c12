package dev.greenlight.evidence.xml;

import static java.util.Objects.requireNonNullElse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SbomFacts.Component;
import dev.greenlight.evidence.internal.FindingTally;

/**
 * Reads one CycloneDX XML document from its root, keeping only facts: the components up to the listing limit (and a
 * count of all), the distinct licenses, the number of dependency relations and the vulnerabilities. Only elements in
 * the BOM's own namespace are read; extensions are skipped.
 */
final class CycloneDxXmlReader {
    /** The lengths the CycloneDX JSON parser keeps too: the same BOM yields the same facts in either form. */
    static final int NAME_LENGTH = 500;
    static final int VERSION_LENGTH = 200;
    static final int PURL_LENGTH = 1000;
    static final int TYPE_LENGTH = 100;
    static final int LICENSE_LENGTH = 500;

    private final XmlCursor cursor;
    private final String namespace;
    private final String specVersion;
    private final ParseLimits limits;

    private long componentCount;
    private final List<Component> components = new ArrayList<>();
    /** Listed components (and the BOM's subject) by bom-ref, to name the packages vulnerabilities affect. */
    private final Map<String, Component> byRef = new HashMap<>();
    private final Set<String> licenses = new HashSet<>();
    private long dependencyCount;
    /** The findings the listing has room for; all are counted. */
    private final List<Finding> findings = new ArrayList<>();
    private final FindingTally findingCounts = new FindingTally();
    private boolean findingsTruncated;

    CycloneDxXmlReader(XmlCursor cursor, String namespace, String specVersion, ParseLimits limits) {
        this.cursor = cursor;
        this.namespace = namespace;
        this.specVersion = specVersion;
        this.limits = limits;
    }

    SbomFacts read() {
        while (cursor.nextChild(1, namespace)) {
            switch (cursor.name()) {
                case "metadata" -> readMetadata();
                case "components" -> readComponents();
                case "dependencies" -> readDependencies();
                case "vulnerabilities" -> readVulnerabilities();
                // Services, compositions, formulation... are not facts.
                default -> cursor.skip();
            }
        }
        return new SbomFacts("cyclonedx", specVersion, componentCount, components, licenses, dependencyCount, findings,
                componentCount > components.size(), findingCounts.bySeverity(), findingCounts.fixable(), findingsTruncated);
    }

    /** Only the BOM's subject matters here (vulnerabilities may affect it); tools, authors and the rest do not. */
    private void readMetadata() {
        int depth = cursor.depth();
        while (cursor.nextChild(depth, namespace)) {
            if (cursor.name().equals("component")) {
                readComponent(false);
            } else {
                cursor.skip();
            }
        }
    }

    private void readComponents() {
        int depth = cursor.depth();
        while (cursor.nextChild(depth, namespace)) {
            if (cursor.name().equals("component")) {
                readComponent(true);
            } else {
                cursor.skip();
            }
        }
    }

    /**
     * Reads a component and, inside it, its nested components (flattened into the same list). A component is listed
     * before its nested ones: the schema puts {@code components} after the fields read here.
     *
     * @param ofTheBom false for the metadata's subject, which vulnerabilities may name but which is no component
     */
    private void readComponent(boolean ofTheBom) {
        String type = ShortText.of(cursor.attribute("type"), TYPE_LENGTH);
        String bomRef = cursor.attribute("bom-ref");
        String group = null;
        String name = "";
        String version = null;
        String purl = null;
        List<String> declared = new ArrayList<>();
        boolean recorded = false;
        int depth = cursor.depth();
        while (cursor.nextChild(depth, namespace)) {
            switch (cursor.name()) {
                case "group" -> group = ShortText.of(cursor.text(NAME_LENGTH + 1), NAME_LENGTH);
                case "name" -> name = cursor.text(NAME_LENGTH + 1).strip();
                case "version" -> version = ShortText.of(cursor.text(VERSION_LENGTH + 1), VERSION_LENGTH);
                case "purl" -> purl = ShortText.of(cursor.text(PURL_LENGTH + 1), PURL_LENGTH);
                case "licenses" -> declared.addAll(readLicenses());
                case "components" -> {
                    if (!recorded) {
                        record(component(group, name, version, purl, type, declared), bomRef, ofTheBom);
                        recorded = true;
                    }
                    // The subject's own parts are not components of the BOM.
                    if (ofTheBom) {
                        readComponents();
                    } else {
                        cursor.skip();
                    }
                }
                // Pedigree ancestors, evidence, hashes, SWID tags... are not the BOM's components.
                default -> cursor.skip();
            }
        }
        if (!recorded) {
            record(component(group, name, version, purl, type, declared), bomRef, ofTheBom);
        }
    }

    /** Named "group/name" when it has a group ("@angular/core", "org.slf4j/slf4j-api"), as the JSON parser names it. */
    private static Component component(@Nullable String group, String name, @Nullable String version, @Nullable String purl,
            @Nullable String type, List<String> licenses) {
        String fullName = group == null ? name : group + "/" + name;
        return new Component(requireNonNullElse(ShortText.of(fullName, NAME_LENGTH), ""), version, purl, type,
                licenses.stream().distinct().toList());
    }

    private void record(Component component, @Nullable String bomRef, boolean ofTheBom) {
        boolean listed = ofTheBom && components.size() < limits.maxListedItems();
        if (ofTheBom) {
            componentCount++;
            licenses.addAll(component.licenses());
        }
        if (listed) {
            components.add(component);
        }
        // Only listed components are remembered, so that memory stays bounded by the facts; refs to the others are
        // still named from the ref itself.
        if (bomRef != null && !bomRef.isBlank() && (listed || !ofTheBom)) {
            byRef.put(bomRef, component);
        }
    }

    /** Each license as its SPDX id, else its name; an expression ("Apache-2.0 OR MIT") as written. */
    private List<String> readLicenses() {
        List<String> found = new ArrayList<>();
        int depth = cursor.depth();
        while (cursor.nextChild(depth, namespace)) {
            switch (cursor.name()) {
                case "license" -> {
                    String license = readLicense();
                    if (license != null) {
                        found.add(license);
                    }
                }
                case "expression" -> {
                    String expression = ShortText.of(cursor.text(LICENSE_LENGTH + 1), LICENSE_LENGTH);
                    if (expression != null) {
                        found.add(expression);
                    }
                }
                default -> cursor.skip();
            }
        }
        return found;
    }

    private @Nullable String readLicense() {
        String id = null;
        String name = null;
        int depth = cursor.depth();
        while (cursor.nextChild(depth, namespace)) {
            switch (cursor.name()) {
                case "id" -> id = ShortText.of(cursor.text(LICENSE_LENGTH + 1), LICENSE_LENGTH);
                case "name" -> name = ShortText.of(cursor.text(LICENSE_LENGTH + 1), LICENSE_LENGTH);
                default -> cursor.skip();
            }
        }
        return id != null ? id : name;
    }

    /** Counts each {@code dependency} inside a {@code dependency}: one relation "ref depends on ref". */
    private void readDependencies() {
        int depth = cursor.depth();
        while (cursor.nextChild(depth, namespace)) {
            if (!cursor.name().equals("dependency")) {
                cursor.skip();
                continue;
            }
            requireRef();
            int dependencyDepth = cursor.depth();
            while (cursor.nextChild(dependencyDepth, namespace)) {
                if (cursor.name().equals("dependency")) {
                    requireRef();
                    dependencyCount++;
                }
                cursor.skip();
            }
        }
    }

    private void requireRef() {
        String ref = cursor.attribute("ref");
        if (ref == null || ref.isBlank()) {
            throw cursor.problem("a <dependency> without a ref: CycloneDX requires one naming a component's bom-ref");
        }
    }

    private void readVulnerabilities() {
        int depth = cursor.depth();
        while (cursor.nextChild(depth, namespace)) {
            if (cursor.name().equals("vulnerability")) {
                CycloneDxVulnerability vulnerability = CycloneDxVulnerability.read(cursor, namespace,
                        Math.max(0, limits.maxListedItems() - findings.size()));
                // Every finding counts; the listing keeps those it has room for (and says when it had none).
                findingCounts.add(vulnerability.severity(), vulnerability.findingCount(), vulnerability.fixableCount());
                // The schema puts vulnerabilities after the components, so the refs they name are known by now.
                List<Finding> listed = vulnerability.findings(byRef::get);
                findings.addAll(listed);
                findingsTruncated |= listed.size() < vulnerability.findingCount();
            } else {
                cursor.skip();
            }
        }
    }
}
