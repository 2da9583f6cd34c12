package dev.greenlight.evidence.json;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.VulnerabilityFacts;
import dev.greenlight.evidence.internal.FindingTally;

/**
 * Trivy JSON: the current form (an object with {@code SchemaVersion} and {@code Results}, which is absent when
 * nothing was detected) and the legacy form before schema version 2 (an array of results). Each result's
 * {@code Vulnerabilities} (null when there are none) become findings; misconfigurations and secrets are not
 * vulnerabilities and are skipped. Every vulnerability is read and counted; the listing stops at its limit.
 */
final class TrivyParser implements EvidenceParser {
    private static final int MAX_ALIASES = 20;

    @Override
    public EvidenceType type() {
        return EvidenceType.TRIVY;
    }

    @Override
    public boolean recognizes(byte[] head) {
        JsonHead json = JsonHead.of(head);
        if (json.rootIsArray()) {
            return json.has("/0/Target");
        }
        return json.has("/SchemaVersion")
                && (json.has("/ArtifactName") || json.has("/ArtifactType") || json.has("/Results") || json.has("/Trivy"));
    }

    @Override
    public VulnerabilityFacts parse(InputStream input, ParseLimits limits) {
        return JsonDocuments.read(type(), input, limits, cursor -> new Document(cursor).read());
    }

    private static final class Document {
        private final JsonCursor cursor;
        private final Listing<Finding> findings;
        private final FindingTally counts = new FindingTally();

        Document(JsonCursor cursor) {
            this.cursor = cursor;
            this.findings = new Listing<>(cursor.limits().maxListedItems());
        }

        VulnerabilityFacts read() {
            if (cursor.isArray()) {
                cursor.readArray(index -> readResult());
            } else {
                boolean[] trivy = new boolean[1];
                cursor.readObject(key -> switch (key) {
                    case "SchemaVersion", "ArtifactName", "ArtifactType" -> {
                        trivy[0] = true;
                        yield false;
                    }
                    case "Results" -> {
                        trivy[0] = true;
                        cursor.readArray(index -> readResult());
                        yield true;
                    }
                    default -> false;
                });
                if (!trivy[0]) {
                    throw cursor.error("neither SchemaVersion nor Results: not a Trivy report");
                }
            }
            return new VulnerabilityFacts("trivy", findings.items(), List.of(), findings.truncated(), counts.bySeverity(), counts.fixable());
        }

        private void readResult() {
            cursor.readObject(key -> {
                if (!key.equals("Vulnerabilities")) {
                    return false;
                }
                cursor.readArray(index -> {
                    // Read even beyond the listing limit: the counts cover every finding (and the file is checked alike).
                    Finding finding = readVulnerability();
                    counts.add(finding);
                    findings.add(finding);
                });
                return true;
            });
        }

        private Finding readVulnerability() {
            VulnerabilityBuilder vulnerability = new VulnerabilityBuilder();
            cursor.readObject(key -> switch (key) {
                case "VulnerabilityID" -> {
                    vulnerability.id = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "Severity" -> {
                    vulnerability.severity = cursor.text();
                    yield true;
                }
                case "PkgName" -> {
                    vulnerability.packageName = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "InstalledVersion" -> {
                    vulnerability.installedVersion = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "FixedVersion" -> {
                    vulnerability.fixedVersion = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "Title" -> {
                    vulnerability.title = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "PkgIdentifier" -> {
                    cursor.readObject(identifierKey -> {
                        if (!identifierKey.equals("PURL")) {
                            return false;
                        }
                        vulnerability.purl = Texts.blankToNull(cursor.text());
                        return true;
                    });
                    yield true;
                }
                case "VendorIDs" -> {
                    vulnerability.aliases = cursor.texts(MAX_ALIASES);
                    yield true;
                }
                default -> false;
            });
            if (vulnerability.id == null) {
                throw cursor.error("a vulnerability has no VulnerabilityID");
            }
            return vulnerability.build();
        }
    }

    private static final class VulnerabilityBuilder {
        @Nullable String id;
        @Nullable String severity;
        @Nullable String packageName;
        @Nullable String installedVersion;
        @Nullable String fixedVersion;
        @Nullable String purl;
        @Nullable String title;
        List<String> aliases = List.of();

        Finding build() {
            List<String> distinct = new ArrayList<>();
            for (String alias : aliases) {
                if (!alias.isBlank() && !alias.equals(id) && !distinct.contains(alias)) {
                    distinct.add(Texts.shorten(alias, 200));
                }
            }
            return new Finding(Texts.shorten(id == null ? "" : id, 200), Severity.parse(severity), Texts.shortenOrNull(packageName, 500),
                    Texts.shortenOrNull(installedVersion, 200), Texts.shortenOrNull(fixedVersion, 200), Texts.shortenOrNull(purl, 1000),
                    Texts.shortenOrNull(title, 200), distinct);
        }
    }
}
