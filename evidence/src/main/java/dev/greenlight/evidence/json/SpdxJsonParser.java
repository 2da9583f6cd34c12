package dev.greenlight.evidence.json;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SbomFacts.Component;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.internal.FindingTally;

/**
 * SPDX 2.2 and 2.3 JSON (any 2.x is read): every package is a component (name, versionInfo, the purl of its
 * package-manager reference, its concluded and declared licenses unless NOASSERTION or NONE), dependency relationships
 * are counted, and the security advisories packages reference are their vulnerabilities (SPDX 2 has no vulnerability
 * data of its own). Files and snippets are not components.
 */
final class SpdxJsonParser implements EvidenceParser {
    /** Relationship types that say one package needs another (either direction). */
    private static final Set<String> DEPENDENCY_RELATIONSHIPS = Set.of(
            "DEPENDS_ON", "DEPENDENCY_OF", "DEV_DEPENDENCY_OF", "BUILD_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF",
            "PROVIDED_DEPENDENCY_OF", "TEST_DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF", "DYNAMIC_LINK", "STATIC_LINK");
    private static final Set<String> NO_LICENSE = Set.of("NOASSERTION", "NONE");
    /** Advisories kept per package for the listing; more are counted only. */
    private static final int MAX_ADVISORIES = 100;
    private static final Pattern ADVISORY_ID = Pattern.compile("(CVE-\\d{4}-\\d{4,}|GHSA(?:-[0-9a-z]{4}){3})", Pattern.CASE_INSENSITIVE);

    @Override
    public EvidenceType type() {
        return EvidenceType.SPDX;
    }

    @Override
    public boolean recognizes(byte[] head) {
        JsonHead json = JsonHead.of(head);
        return json.textContains("/spdxVersion", "SPDX-");
    }

    @Override
    public SbomFacts parse(InputStream input, ParseLimits limits) {
        return JsonDocuments.read(type(), input, limits, cursor -> new Document(cursor).read());
    }

    private static final class Document {
        private final JsonCursor cursor;
        private final Listing<Component> components;
        private final SbomLicenses licenses;
        private final Listing<Finding> vulnerabilities;
        private final FindingTally vulnerabilityCounts = new FindingTally();
        private final TextPool pool = new TextPool();
        private @Nullable String spdxVersion;
        private long componentCount;
        private long dependencyCount;

        Document(JsonCursor cursor) {
            this.cursor = cursor;
            this.components = new Listing<>(cursor.limits().maxListedItems());
            this.licenses = new SbomLicenses(cursor.limits().maxListedItems());
            this.vulnerabilities = new Listing<>(cursor.limits().maxListedItems());
        }

        SbomFacts read() {
            cursor.readObject(key -> switch (key) {
                case "spdxVersion" -> {
                    spdxVersion = cursor.requiredText("spdxVersion");
                    if (!spdxVersion.startsWith("SPDX-2.")) {
                        throw cursor.error("spdxVersion " + Texts.shorten(spdxVersion, 20) + " is not SPDX 2 (2.2 or 2.3 are read)");
                    }
                    yield true;
                }
                case "packages" -> {
                    cursor.readArray(index -> readPackage());
                    yield true;
                }
                case "relationships" -> {
                    cursor.readArray(index -> readRelationship());
                    yield true;
                }
                default -> false;
            });
            if (spdxVersion == null) {
                throw new EvidenceFormatException(EvidenceType.SPDX, "/spdxVersion", "spdxVersion is missing: not an SPDX JSON document");
            }
            return new SbomFacts("spdx", spdxVersion.substring("SPDX-".length()), componentCount, components.items(), licenses.all(),
                    dependencyCount, vulnerabilities.items(), components.truncated(), vulnerabilityCounts.bySeverity(),
                    vulnerabilityCounts.fixable(), vulnerabilities.truncated());
        }

        private void readPackage() {
            PackageBuilder spdxPackage = new PackageBuilder();
            cursor.readObject(key -> switch (key) {
                case "name" -> {
                    spdxPackage.name = cursor.text();
                    yield true;
                }
                case "versionInfo" -> {
                    spdxPackage.version = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "primaryPackagePurpose" -> {
                    String purpose = Texts.blankToNull(cursor.text());
                    spdxPackage.type = pool.share(purpose == null ? null : Texts.lower(purpose));
                    yield true;
                }
                case "licenseConcluded" -> {
                    spdxPackage.concluded = pool.share(cursor.text());
                    yield true;
                }
                case "licenseDeclared" -> {
                    spdxPackage.declared = pool.share(cursor.text());
                    yield true;
                }
                case "externalRefs" -> {
                    cursor.readArray(index -> readExternalReference(spdxPackage));
                    yield true;
                }
                default -> false;
            });
            componentCount++;
            Component component = spdxPackage.build();
            licenses.addAll(component.licenses());
            components.add(component);
            // An advisory has no severity and no fix in SPDX 2: each counts as an unknown finding, listed while there is room.
            vulnerabilityCounts.add(Severity.UNKNOWN, spdxPackage.advisoryCount, 0);
            if (spdxPackage.advisoryCount > spdxPackage.advisories.size()) {
                vulnerabilities.markTruncated();
            }
            for (String advisory : spdxPackage.advisories) {
                vulnerabilities.add(new Finding(advisoryId(advisory), Severity.UNKNOWN, component.name(), component.version(), null,
                        component.purl(), null, List.of()));
            }
        }

        /** {@code PACKAGE-MANAGER} (2.3) or {@code PACKAGE_MANAGER} (2.2) purl references, and SECURITY advisories. */
        private void readExternalReference(PackageBuilder spdxPackage) {
            String[] reference = new String[3];
            cursor.readObject(key -> switch (key) {
                case "referenceCategory" -> {
                    reference[0] = cursor.text();
                    yield true;
                }
                case "referenceType" -> {
                    reference[1] = cursor.text();
                    yield true;
                }
                case "referenceLocator" -> {
                    reference[2] = Texts.blankToNull(cursor.text());
                    yield true;
                }
                default -> false;
            });
            String category = reference[0] == null ? "" : reference[0].replace('_', '-');
            if (reference[2] == null) {
                return;
            }
            if (category.equals("PACKAGE-MANAGER") && "purl".equals(reference[1]) && spdxPackage.purl == null) {
                spdxPackage.purl = Texts.shorten(reference[2], 1000);
            } else if (category.equals("SECURITY") && "advisory".equals(reference[1])) {
                // Each advisory is a finding: all are counted, at most MAX_ADVISORIES a package are kept for the listing.
                spdxPackage.advisoryCount++;
                if (spdxPackage.advisories.size() < MAX_ADVISORIES) {
                    spdxPackage.advisories.add(Texts.shorten(reference[2], 1000));
                }
            }
        }

        private void readRelationship() {
            cursor.readObject(key -> {
                if (!key.equals("relationshipType")) {
                    return false;
                }
                String type = cursor.text();
                if (type != null && DEPENDENCY_RELATIONSHIPS.contains(type)) {
                    dependencyCount++;
                }
                return true;
            });
        }
    }

    /** The CVE or GHSA id in an advisory URL, or the URL itself. */
    static String advisoryId(String locator) {
        Matcher matcher = ADVISORY_ID.matcher(locator);
        if (!matcher.find()) {
            return locator;
        }
        String id = matcher.group(1);
        // CVE ids are upper case; GHSA ids are "GHSA-" and lower case.
        return id.regionMatches(true, 0, "CVE", 0, 3) ? id.toUpperCase(Locale.ROOT) : "GHSA" + id.substring(4).toLowerCase(Locale.ROOT);
    }

    private static final class PackageBuilder {
        @Nullable String name;
        @Nullable String version;
        @Nullable String purl;
        @Nullable String type;
        @Nullable String concluded;
        @Nullable String declared;
        final List<String> advisories = new ArrayList<>();
        long advisoryCount;

        Component build() {
            Set<String> packageLicenses = new LinkedHashSet<>();
            for (String license : new String[] {concluded, declared}) {
                if (license != null && !license.isBlank() && !NO_LICENSE.contains(license.strip())) {
                    packageLicenses.add(Texts.shorten(license.strip(), 500));
                }
            }
            return new Component(Texts.shorten(name == null ? "" : name, 500), Texts.shortenOrNull(version, 200), purl, type,
                    new ArrayList<>(packageLicenses));
        }
    }
}
