package dev.greenlight.evidence.json;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SbomFacts.Component;

/**
 * CycloneDX JSON, spec versions 1.2 to 1.6 (any 1.x is read): components with nested ones flattened, their licenses
 * (ids, names, or whole expressions), the number of {@code dependsOn} relations, and embedded vulnerabilities. The
 * BOM's own subject ({@code metadata.component}) and its tools (an array before 1.5, an object since) are not
 * components and are skipped.
 */
final class CycloneDxJsonParser implements EvidenceParser {

    @Override
    public EvidenceType type() {
        return EvidenceType.CYCLONEDX;
    }

    @Override
    public boolean recognizes(byte[] head) {
        JsonHead json = JsonHead.of(head);
        // A BOM whose bomFormat is wrong but whose schema is CycloneDX's is recognised, so that it is rejected as a
        // broken CycloneDX document rather than as an unknown format.
        return json.textEquals("/bomFormat", "CycloneDX") || json.textContains("/$schema", "cyclonedx.org/schema");
    }

    @Override
    public SbomFacts parse(InputStream input, ParseLimits limits) {
        return JsonDocuments.read(type(), input, limits, cursor -> new Document(cursor).read());
    }

    /** The state of one parse. */
    private static final class Document {
        private final JsonCursor cursor;
        private final Listing<Component> components;
        private final SbomLicenses licenses;
        private final SbomVulnerabilities vulnerabilities;
        /** bom-ref → listed component, to name the packages vulnerabilities affect. */
        private final Map<String, Component> componentsByReference = new HashMap<>();
        private final TextPool pool = new TextPool();
        private @Nullable String bomFormat;
        private @Nullable String specVersion;
        private long componentCount;
        private long dependencyCount;

        Document(JsonCursor cursor) {
            this.cursor = cursor;
            ParseLimits limits = cursor.limits();
            this.components = new Listing<>(limits.maxListedItems());
            this.licenses = new SbomLicenses(limits.maxListedItems());
            this.vulnerabilities = new SbomVulnerabilities(limits.maxListedItems());
        }

        SbomFacts read() {
            cursor.readObject(key -> switch (key) {
                case "bomFormat" -> {
                    bomFormat = cursor.text();
                    if (!"CycloneDX".equals(bomFormat)) {
                        throw cursor.error("bomFormat is \"" + Texts.shorten(String.valueOf(bomFormat), 60)
                                + "\", not \"CycloneDX\": this is not a CycloneDX BOM");
                    }
                    yield true;
                }
                case "specVersion" -> {
                    specVersion = cursor.requiredText("specVersion");
                    if (!specVersion.startsWith("1.")) {
                        throw cursor.error("specVersion " + Texts.shorten(specVersion, 20) + " is not a CycloneDX 1.x version");
                    }
                    yield true;
                }
                case "components" -> {
                    readComponents();
                    yield true;
                }
                case "dependencies" -> {
                    readDependencies();
                    yield true;
                }
                case "vulnerabilities" -> {
                    cursor.readArray(index -> readVulnerability());
                    yield true;
                }
                default -> false;
            });
            if (bomFormat == null) {
                throw new EvidenceFormatException(EvidenceType.CYCLONEDX, "/bomFormat",
                        "bomFormat is missing: a CycloneDX JSON BOM says \"bomFormat\": \"CycloneDX\"");
            }
            if (specVersion == null) {
                throw new EvidenceFormatException(EvidenceType.CYCLONEDX, "/specVersion", "specVersion is missing");
            }
            return new SbomFacts("cyclonedx", specVersion, componentCount, components.items(), licenses.all(), dependencyCount,
                    vulnerabilities.findings(componentsByReference), components.truncated(), vulnerabilities.bySeverity(),
                    vulnerabilities.fixable(), vulnerabilities.truncated());
        }

        private void readComponents() {
            cursor.readArray(index -> readComponent());
        }

        private void readComponent() {
            int place = components.reserve();
            ComponentBuilder component = new ComponentBuilder();
            cursor.readObject(key -> switch (key) {
                case "name" -> {
                    component.name = cursor.text();
                    yield true;
                }
                case "group" -> {
                    component.group = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "version" -> {
                    component.version = pool.share(Texts.blankToNull(cursor.text()));
                    yield true;
                }
                case "purl" -> {
                    component.purl = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "type" -> {
                    component.type = pool.share(Texts.blankToNull(cursor.text()));
                    yield true;
                }
                case "bom-ref" -> {
                    component.reference = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "licenses" -> {
                    readLicenses(component.licenses);
                    yield true;
                }
                case "components" -> {
                    // Nested components are flattened: they are components of the BOM like any other.
                    readComponents();
                    yield true;
                }
                default -> false;
            });
            componentCount++;
            licenses.addAll(component.licenses);
            if (place >= 0) {
                Component built = component.build();
                components.set(place, built);
                if (component.reference != null) {
                    // The bom-ref is often the purl: keep one string for both.
                    String reference = component.reference.equals(built.purl()) ? built.purl() : component.reference;
                    componentsByReference.putIfAbsent(reference, built);
                }
            }
        }

        /** {@code [{"license": {"id" | "name"}}, {"expression": "..."}]}; an expression is kept whole. */
        private void readLicenses(List<String> into) {
            cursor.readArray(index -> cursor.readObject(key -> switch (key) {
                case "license" -> {
                    String[] idOrName = new String[2];
                    cursor.readObject(licenseKey -> switch (licenseKey) {
                        case "id" -> {
                            idOrName[0] = Texts.blankToNull(cursor.text());
                            yield true;
                        }
                        case "name" -> {
                            idOrName[1] = Texts.blankToNull(cursor.text());
                            yield true;
                        }
                        default -> false;
                    });
                    String license = idOrName[0] != null ? idOrName[0] : idOrName[1];
                    if (license != null) {
                        addDistinct(into, pool.share(Texts.shorten(license, 500)));
                    }
                    yield true;
                }
                case "expression" -> {
                    String expression = Texts.blankToNull(cursor.text());
                    if (expression != null) {
                        addDistinct(into, pool.share(Texts.shorten(expression, 500)));
                    }
                    yield true;
                }
                default -> false;
            }));
        }

        private static void addDistinct(List<String> licenses, @Nullable String license) {
            if (license != null && !licenses.contains(license) && licenses.size() < 100) {
                licenses.add(license);
            }
        }

        /** Counts {@code dependsOn} relations: each ref → dependency pair is one. */
        private void readDependencies() {
            cursor.readArray(index -> cursor.readObject(key -> {
                if (!key.equals("dependsOn")) {
                    return false;
                }
                cursor.readArray(dependency -> {
                    cursor.text();
                    dependencyCount++;
                });
                return true;
            }));
        }

        private void readVulnerability() {
            SbomVulnerabilities.Vulnerability vulnerability = new SbomVulnerabilities.Vulnerability();
            cursor.readObject(key -> switch (key) {
                case "id" -> {
                    vulnerability.id = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "ratings" -> {
                    cursor.readArray(index -> {
                        Object[] severityAndScore = new Object[2];
                        cursor.readObject(ratingKey -> switch (ratingKey) {
                            case "severity" -> {
                                severityAndScore[0] = cursor.text();
                                yield true;
                            }
                            case "score" -> {
                                severityAndScore[1] = cursor.number();
                                yield true;
                            }
                            default -> false;
                        });
                        vulnerability.rate((String) severityAndScore[0], (Double) severityAndScore[1]);
                    });
                    yield true;
                }
                case "references" -> {
                    cursor.readArray(index -> cursor.readObject(referenceKey -> {
                        if (!referenceKey.equals("id")) {
                            return false;
                        }
                        vulnerability.addAlias(cursor.text());
                        return true;
                    }));
                    yield true;
                }
                case "description" -> {
                    vulnerability.description = Texts.shortenOrNull(Texts.blankToNull(cursor.text()), 200);
                    yield true;
                }
                case "analysis" -> {
                    cursor.readObject(analysisKey -> {
                        if (!analysisKey.equals("state")) {
                            return false;
                        }
                        vulnerability.analysisState = cursor.text();
                        return true;
                    });
                    yield true;
                }
                case "affects" -> {
                    cursor.readArray(index -> readAffected(vulnerability));
                    yield true;
                }
                default -> false;
            });
            if (vulnerability.id == null) {
                throw cursor.error("a vulnerability has no id");
            }
            vulnerabilities.add(vulnerability);
        }

        private void readAffected(SbomVulnerabilities.Vulnerability vulnerability) {
            SbomVulnerabilities.Affected affected = new SbomVulnerabilities.Affected();
            cursor.readObject(key -> switch (key) {
                case "ref" -> {
                    affected.reference = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "versions" -> {
                    cursor.readArray(index -> {
                        String[] versionAndStatus = new String[3];
                        cursor.readObject(versionKey -> switch (versionKey) {
                            case "version" -> {
                                versionAndStatus[0] = Texts.blankToNull(cursor.text());
                                yield true;
                            }
                            case "range" -> {
                                versionAndStatus[1] = Texts.blankToNull(cursor.text());
                                yield true;
                            }
                            case "status" -> {
                                versionAndStatus[2] = cursor.text();
                                yield true;
                            }
                            default -> false;
                        });
                        // A single version the vulnerability does not affect is where it is fixed; ranges say too little.
                        if (versionAndStatus[0] != null && "unaffected".equals(versionAndStatus[2]) && affected.fixedVersion == null) {
                            affected.fixedVersion = Texts.shorten(versionAndStatus[0], 200);
                        }
                    });
                    yield true;
                }
                default -> false;
            });
            if (affected.reference != null) {
                vulnerabilities.addAffected(vulnerability, affected);
            }
        }
    }

    private static final class ComponentBuilder {
        @Nullable String name;
        @Nullable String group;
        @Nullable String version;
        @Nullable String purl;
        @Nullable String type;
        @Nullable String reference;
        /** Distinct, in order; a list because a component has one or two licenses, where a set costs more than it saves. */
        final List<String> licenses = new ArrayList<>(2);

        Component build() {
            String base = name == null ? "" : name;
            String fullName = group == null ? base : group + "/" + base;
            return new Component(Texts.shorten(fullName, 500), Texts.shortenOrNull(version, 200), Texts.shortenOrNull(purl, 1000),
                    Texts.shortenOrNull(type, 100), licenses);
        }
    }
}
