package dev.greenlight.bench.evidence;

import java.nio.charset.StandardCharsets;

/** Generated SPDX, SARIF, Trivy, Grype and OpenVEX documents of a target size, shaped like the tools' own output. */
final class JsonReports {
    private JsonReports() {
    }

    /**
     * SPDX 2.3 as syft writes it: packages (checksums, licenses, CPE and purl references, some security advisories),
     * files with checksums, and relationships (DESCRIBES, CONTAINS, DEPENDS_ON).
     */
    static byte[] spdx(int targetBytes) {
        Gen gen = new Gen(0x5bd8);
        JsonWriter w = new JsonWriter(new StringBuilder(targetBytes + 65536), 1);
        w.object().field("spdxVersion", "SPDX-2.3").field("dataLicense", "CC0-1.0").field("SPDXID", "SPDXRef-DOCUMENT")
                .field("name", "registry.example.org/app").field("documentNamespace", "https://anchore.com/syft/image/app-5b2f01d2");
        w.name("creationInfo").object().field("licenseListVersion", "3.23")
                .strings("creators", "Organization: Anchore, Inc", "Tool: syft-1.4.1").field("created", "2024-05-01T12:00:00Z").end();
        w.name("packages").array();
        int packages = 0;
        while (w.length() < targetBytes * 0.6) {
            String ecosystem = gen.pick("npm", "npm", "maven", "pypi", "deb");
            String name = gen.word() + "-" + gen.word() + "-" + packages;
            String version = gen.version();
            String purl = "pkg:" + ecosystem + "/" + name + "@" + version;
            w.object().field("name", name).field("SPDXID", "SPDXRef-Package-" + ecosystem + "-" + name + "-" + gen.hex(16))
                    .field("versionInfo", version).field("supplier", "Organization: " + Gen.capitalized(gen.word()) + " Project")
                    .field("originator", "Person: " + Gen.capitalized(gen.word()) + " " + Gen.capitalized(gen.word()))
                    .field("downloadLocation", gen.chance(0.5) ? "NOASSERTION" : "https://registry.npmjs.org/" + name + "/-/" + name + "-" + version + ".tgz")
                    .field("filesAnalyzed", false);
            w.name("checksums").array().object().field("algorithm", "SHA256").field("checksumValue", gen.hex(64)).end().end();
            w.field("homepage", "https://github.com/" + gen.word() + "/" + name)
                    .field("sourceInfo", "acquired package info from installed node module manifest file: /app/node_modules/" + name + "/package.json");
            String license = gen.license();
            w.field("licenseConcluded", gen.chance(0.6) ? "NOASSERTION" : license)
                    .field("licenseDeclared", gen.chance(0.2) ? "(" + license + " OR " + gen.license() + ")" : license)
                    .field("copyrightText", "NOASSERTION").field("description", gen.sentence(gen.between(5, 14)));
            w.name("externalRefs").array();
            w.object().field("referenceCategory", "SECURITY").field("referenceType", "cpe23Type")
                    .field("referenceLocator", "cpe:2.3:a:" + name + ":" + name + ":" + version + ":*:*:*:*:*:*:*").end();
            w.object().field("referenceCategory", "PACKAGE-MANAGER").field("referenceType", "purl").field("referenceLocator", purl).end();
            if (gen.chance(0.05)) {
                w.object().field("referenceCategory", "SECURITY").field("referenceType", "advisory")
                        .field("referenceLocator", "https://nvd.nist.gov/vuln/detail/" + gen.cve()).end();
            }
            w.end();
            w.field("primaryPackagePurpose", gen.chance(0.9) ? "LIBRARY" : "APPLICATION").end();
            packages++;
        }
        w.end();
        w.name("files").array();
        int files = 0;
        while (w.length() < targetBytes * 0.8) {
            w.object().field("fileName", "/app/node_modules/" + gen.word() + "/" + gen.word() + "/" + gen.word() + files + ".js")
                    .field("SPDXID", "SPDXRef-File-" + gen.hex(16));
            w.name("checksums").array().object().field("algorithm", "SHA1").field("checksumValue", gen.hex(40)).end().end();
            w.field("licenseConcluded", "NOASSERTION").field("copyrightText", "").end();
            files++;
        }
        w.end();
        w.name("relationships").array();
        w.object().field("spdxElementId", "SPDXRef-DOCUMENT").field("relatedSpdxElement", "SPDXRef-Package-app")
                .field("relationshipType", "DESCRIBES").end();
        while (w.length() < targetBytes - 200) {
            w.object().field("spdxElementId", "SPDXRef-Package-npm-" + gen.word() + "-" + gen.hex(16))
                    .field("relatedSpdxElement", (gen.chance(0.5) ? "SPDXRef-File-" : "SPDXRef-Package-npm-") + gen.hex(16))
                    .field("relationshipType", gen.pick("CONTAINS", "DEPENDS_ON", "DEPENDS_ON", "DEPENDENCY_OF", "OTHER")).end();
        }
        w.end().end();
        return bytes(w);
    }

    private static final String[] RULES = new String[120];

    static {
        Gen gen = new Gen(0x5a41f);
        for (int i = 0; i < RULES.length; i++) {
            RULES[i] = "java/" + gen.word() + "-" + gen.word() + "-" + i;
        }
    }

    /**
     * SARIF 2.1.0 as CodeQL writes it: one run, a driver with 120 rules (help text, tags, security-severity), an
     * extension, the artifacts, and results with locations, fingerprints, related locations, code flows for path
     * problems, and a few accepted suppressions.
     */
    static byte[] sarif(int targetBytes) {
        Gen gen = new Gen(0x5a71f);
        JsonWriter w = new JsonWriter(new StringBuilder(targetBytes + 65536), 2);
        w.object().field("$schema", "https://json.schemastore.org/sarif-2.1.0.json").field("version", "2.1.0");
        w.name("runs").array().object();
        w.name("tool").object().name("driver").object().field("name", "CodeQL").field("organization", "GitHub")
                .field("semanticVersion", "2.17.0");
        w.name("rules").array();
        for (String rule : RULES) {
            String level = gen.pick("error", "warning", "note", "error");
            w.object().field("id", rule).field("name", rule).name("shortDescription").object().field("text", gen.sentence(6)).end()
                    .name("fullDescription").object().field("text", gen.paragraph(2)).end()
                    .name("defaultConfiguration").object().field("enabled", true).field("level", level).end()
                    .name("help").object().field("text", gen.paragraph(12)).field("markdown", "# " + gen.sentence(4) + "\n\n" + gen.paragraph(12)).end()
                    .name("properties").object().strings("tags", "security", "external/cwe/cwe-" + gen.between(20, 900))
                    .field("description", gen.sentence(8)).field("id", rule).field("kind", "path-problem").field("name", gen.sentence(4))
                    .field("precision", gen.pick("high", "medium", "very-high")).field("problem.severity", level)
                    .field("security-severity", String.valueOf(gen.score(gen.pick("LOW", "MEDIUM", "HIGH", "CRITICAL")))).end()
                    .end();
        }
        w.end().end();
        w.name("extensions").array().object().field("name", "codeql/java-queries").field("semanticVersion", "1.1.0").end().end();
        w.end();
        w.name("invocations").array().object().name("toolExecutionNotifications").array().end().field("executionSuccessful", true).end().end();
        String[] artifacts = new String[600];
        w.name("artifacts").array();
        for (int i = 0; i < artifacts.length; i++) {
            artifacts[i] = "src/main/java/org/example/" + gen.word() + "/" + gen.pascal(2) + i + ".java";
            w.object().name("location").object().field("uri", artifacts[i]).field("uriBaseId", "%SRCROOT%").field("index", i).end().end();
        }
        w.end();
        w.name("results").array();
        while (w.length() < targetBytes - 300) {
            int rule = gen.between(0, RULES.length - 1);
            int artifact = gen.between(0, artifacts.length - 1);
            w.object().field("ruleId", RULES[rule]).field("ruleIndex", rule).name("rule").object().field("id", RULES[rule])
                    .field("index", rule).end();
            if (gen.chance(0.3)) {
                w.field("level", gen.pick("error", "warning", "note"));
            }
            w.name("message").object().field("text", "This " + gen.word() + " depends on a [user-provided value](1): " + gen.sentence(8)).end();
            w.name("locations").array().object();
            physical(w, gen, artifacts, artifact);
            w.end().end();
            w.name("partialFingerprints").object().field("primaryLocationLineHash", gen.hex(16) + ":1")
                    .field("primaryLocationStartColumnFingerprint", String.valueOf(gen.between(0, 40))).end();
            if (gen.chance(0.3)) {
                w.name("codeFlows").array().object().name("threadFlows").array().object().name("locations").array();
                int steps = gen.between(2, 8);
                for (int s = 0; s < steps; s++) {
                    w.object().name("location").object();
                    physical(w, gen, artifacts, gen.between(0, artifacts.length - 1));
                    w.name("message").object().field("text", gen.word() + "(...) : String").end().end().end();
                }
                w.end().end().end().end().end();
            }
            w.name("relatedLocations").array().object().field("id", 1);
            physical(w, gen, artifacts, artifact);
            w.name("message").object().field("text", "user-provided value").end().end().end();
            if (gen.chance(0.03)) {
                w.name("suppressions").array().object().field("kind", "inSource").field("status", "accepted").end().end();
            }
            w.end();
        }
        w.end();
        w.field("columnKind", "utf16CodeUnits").name("properties").object().field("semmle.formatSpecifier", "sarif-latest").end();
        w.end().end().end();
        return bytes(w);
    }

    /** Writes a {@code physicalLocation} member into the object open in {@code w}. */
    private static void physical(JsonWriter w, Gen gen, String[] artifacts, int artifact) {
        int line = gen.between(1, 2000);
        int column = gen.between(1, 80);
        w.name("physicalLocation").object().name("artifactLocation").object().field("uri", artifacts[artifact])
                .field("uriBaseId", "%SRCROOT%").field("index", artifact).end()
                .name("region").object().field("startLine", line).field("startColumn", column)
                .field("endColumn", column + gen.between(3, 40)).end().end();
    }

    /**
     * Trivy's JSON for a container image (schema version 2): metadata, then results for the OS packages, an npm lock
     * file and jars, each with many vulnerabilities (CVSS per source, references, dates, layer).
     */
    static byte[] trivy(int targetBytes) {
        Gen gen = new Gen(0x7217);
        JsonWriter w = new JsonWriter(new StringBuilder(targetBytes + 65536), 2);
        w.object().field("SchemaVersion", 2).field("CreatedAt", "2024-05-01T12:00:00.123456789Z")
                .field("ArtifactName", "registry.example.org/app:1.0.0").field("ArtifactType", "container_image");
        w.name("Metadata").object().name("OS").object().field("Family", "debian").field("Name", "12.5").end()
                .field("ImageID", "sha256:" + gen.hex(64)).strings("DiffIDs", "sha256:" + gen.hex(64), "sha256:" + gen.hex(64))
                .strings("RepoTags", "registry.example.org/app:1.0.0").strings("RepoDigests", "registry.example.org/app@sha256:" + gen.hex(64))
                .name("ImageConfig").object().field("architecture", "amd64").field("os", "linux").end().end();
        w.name("Results").array();
        String[][] targets = {
            {"registry.example.org/app:1.0.0 (debian 12.5)", "os-pkgs", "debian", "deb"},
            {"app/package-lock.json", "lang-pkgs", "npm", "npm"},
            {"Java", "lang-pkgs", "jar", "maven"},
        };
        for (int t = 0; t < targets.length; t++) {
            String[] target = targets[t];
            w.object().field("Target", target[0]).field("Class", target[1]).field("Type", target[2]).name("Vulnerabilities").array();
            double until = targetBytes * (t + 1) / (double) targets.length - 300;
            while (w.length() < until) {
                String id = gen.cve();
                String name = gen.word() + "-" + gen.word();
                String version = gen.version();
                String severity = gen.severity();
                String fixed = gen.chance(0.7) ? gen.version() : "";
                w.object().field("VulnerabilityID", id).field("PkgID", name + "@" + version).field("PkgName", name);
                w.name("PkgIdentifier").object().field("PURL", "pkg:" + target[3] + "/" + name + "@" + version).field("UID", gen.hex(16)).end();
                w.field("InstalledVersion", version);
                if (!fixed.isEmpty()) {
                    w.field("FixedVersion", fixed);
                }
                w.field("Status", fixed.isEmpty() ? "affected" : "fixed");
                w.name("Layer").object().field("Digest", "sha256:" + gen.hex(64)).field("DiffID", "sha256:" + gen.hex(64)).end();
                if (gen.chance(0.2)) {
                    w.strings("VendorIDs", "DSA-" + gen.between(4000, 5999) + "-1");
                }
                w.field("SeveritySource", gen.pick("nvd", "debian", "ghsa")).field("PrimaryURL", "https://avd.aquasec.com/nvd/" + id.toLowerCase());
                w.name("DataSource").object().field("ID", "debian").field("Name", "Debian Security Tracker")
                        .field("URL", "https://salsa.debian.org/security-tracker-team/security-tracker").end();
                w.field("Title", name + ": " + gen.sentence(gen.between(5, 12))).field("Description", gen.paragraph(gen.between(2, 6)))
                        .field("Severity", severity).strings("CweIDs", "CWE-" + gen.between(20, 900));
                w.name("VendorSeverity").object().field("debian", gen.between(1, 4)).field("nvd", gen.between(1, 4)).field("redhat", gen.between(1, 4)).end();
                w.name("CVSS").object().name("nvd").object().field("V3Vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")
                        .field("V3Score", gen.score(severity)).end().name("redhat").object()
                        .field("V3Vector", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N").field("V3Score", gen.score(severity)).end().end();
                w.name("References").array();
                int references = gen.between(2, 10);
                for (int r = 0; r < references; r++) {
                    w.value("https://" + gen.pick("security-tracker.debian.org/tracker/", "nvd.nist.gov/vuln/detail/", "github.com/advisories/", "access.redhat.com/security/cve/") + id);
                }
                w.end().field("PublishedDate", "2023-11-02T18:15:00.123Z").field("LastModifiedDate", "2024-02-14T09:30:00.456Z").end();
            }
            w.end().end();
        }
        w.end().end();
        return bytes(w);
    }

    /**
     * Grype's JSON (1-space indent, as Grype writes it): matches with the vulnerability, related vulnerabilities,
     * match details with a suggested fix and the artifact with its metadata; then source, distro and descriptor.
     */
    static byte[] grype(int targetBytes) {
        Gen gen = new Gen(0x6479e);
        JsonWriter w = new JsonWriter(new StringBuilder(targetBytes + 65536), 1);
        w.object().name("matches").array();
        while (w.length() < targetBytes - 3000) {
            String id = gen.chance(0.5) ? gen.cve() : gen.ghsa();
            String related = gen.cve();
            String name = gen.word() + "-" + gen.word();
            String version = gen.version();
            String fixed = gen.version();
            String severity = Gen.capitalized(gen.severity().toLowerCase());
            String description = gen.paragraph(gen.between(1, 4));
            w.object().name("vulnerability").object().field("id", id).field("dataSource", "https://github.com/advisories/" + id)
                    .field("namespace", "github:language:javascript").field("severity", severity)
                    .strings("urls", "https://github.com/advisories/" + id, "https://nvd.nist.gov/vuln/detail/" + related)
                    .field("description", description);
            cvss(w, gen, severity);
            w.name("fix").object().strings("versions", fixed).field("state", gen.chance(0.8) ? "fixed" : "not-fixed").end()
                    .name("advisories").array().end().end();
            w.name("relatedVulnerabilities").array().object().field("id", related).field("dataSource", "https://nvd.nist.gov/vuln/detail/" + related)
                    .field("namespace", "nvd:cpe").field("severity", severity).strings("urls", "https://nvd.nist.gov/vuln/detail/" + related)
                    .field("description", description);
            cvss(w, gen, severity);
            w.end().end();
            w.name("matchDetails").array().object().field("type", "exact-direct-match").field("matcher", "javascript-matcher")
                    .name("searchedBy").object().field("language", "javascript").field("namespace", "github:language:javascript")
                    .name("package").object().field("name", name).field("version", version).end().end()
                    .name("found").object().field("versionConstraint", "<" + fixed + " (unknown)").field("vulnerabilityID", id).end()
                    .name("fix").object().field("suggestedVersion", fixed).end().end().end();
            w.name("artifact").object().field("id", gen.hex(16)).field("name", name).field("version", version).field("type", "npm")
                    .name("locations").array().object().field("path", "/app/node_modules/" + name + "/package.json")
                    .field("layerID", "sha256:" + gen.hex(64)).end().end()
                    .field("language", "javascript").strings("licenses", gen.license())
                    .strings("cpes", "cpe:2.3:a:" + name + ":" + name + ":" + version + ":*:*:*:*:*:*:*")
                    .field("purl", "pkg:npm/" + name + "@" + version).name("upstreams").array().end()
                    .field("metadataType", "javascript-npm-package").name("metadata").object().field("name", name).field("version", version)
                    .field("author", Gen.capitalized(gen.word()) + " <" + gen.word() + "@example.org>")
                    .field("homepage", "https://github.com/" + gen.word() + "/" + name).field("description", gen.sentence(8))
                    .field("url", "https://github.com/" + gen.word() + "/" + name + ".git").field("private", false).end().end();
            w.end();
        }
        w.end();
        w.name("source").object().field("type", "image").name("target").object().field("userInput", "registry.example.org/app:1.0.0")
                .field("imageID", "sha256:" + gen.hex(64)).field("manifestDigest", "sha256:" + gen.hex(64))
                .field("mediaType", "application/vnd.docker.distribution.manifest.v2+json").strings("tags", "registry.example.org/app:1.0.0")
                .field("imageSize", 187_654_321).end().end();
        w.name("distro").object().field("name", "debian").field("version", "12").name("idLike").array().end().end();
        w.name("descriptor").object().field("name", "grype").field("version", "0.77.0").name("configuration").object()
                .field("output", "json").field("fail-on-severity", "").field("only-fixed", false).end()
                .name("db").object().field("built", "2024-05-01T01:23:45Z").field("schemaVersion", 5)
                .field("location", "/home/runner/.cache/grype/db/5").field("checksum", "sha256:" + gen.hex(64)).name("error").nullValue().end()
                .field("timestamp", "2024-05-01T12:00:00.123456789Z").end();
        w.end();
        return bytes(w);
    }

    private static void cvss(JsonWriter w, Gen gen, String severity) {
        w.name("cvss").array().object().field("source", "nvd@nist.gov").field("type", "Primary").field("version", "3.1")
                .field("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H").name("metrics").object()
                .field("baseScore", gen.score(severity.toUpperCase())).field("exploitabilityScore", 2.8).field("impactScore", 5.9).end()
                .name("vendorMetadata").object().end().end().end();
    }

    /**
     * OpenVEX 0.2.0 as vexctl writes it: many statements, each about a vulnerability (with aliases) in an image and
     * some of its subcomponents, with the status and its justification or action.
     */
    static byte[] openVex(int targetBytes) {
        Gen gen = new Gen(0x0e7e);
        JsonWriter w = new JsonWriter(new StringBuilder(targetBytes + 65536), 2);
        w.object().field("@context", "https://openvex.dev/ns/v0.2.0").field("@id", "https://openvex.dev/docs/public/vex-" + gen.hex(64))
                .field("author", "Example Security Team <security@example.org>").field("role", "Document Creator")
                .field("timestamp", "2024-05-01T12:00:00Z").field("version", 1).field("tooling", "vexctl/0.2.6");
        w.name("statements").array();
        while (w.length() < targetBytes - 500) {
            String id = gen.cve();
            String status = gen.pick("not_affected", "not_affected", "affected", "fixed", "under_investigation");
            w.object().name("vulnerability").object().field("@id", "https://nvd.nist.gov/vuln/detail/" + id).field("name", id)
                    .strings("aliases", gen.ghsa()).end();
            w.field("timestamp", "2024-05-01T12:00:00Z");
            w.name("products").array();
            int products = gen.between(1, 2);
            for (int p = 0; p < products; p++) {
                String digest = gen.hex(64);
                w.object().field("@id", "pkg:oci/app@sha256:" + digest).name("identifiers").object()
                        .field("purl", "pkg:oci/app@sha256:" + digest + "?repository_url=registry.example.org/app").end();
                w.name("subcomponents").array();
                int subcomponents = gen.between(1, 3);
                for (int s = 0; s < subcomponents; s++) {
                    w.object().field("@id", "pkg:npm/" + gen.word() + "-" + gen.word() + "@" + gen.version()).end();
                }
                w.end().end();
            }
            w.end().field("status", status);
            switch (status) {
                case "not_affected" -> w.field("justification", gen.pick("vulnerable_code_not_in_execute_path", "component_not_present",
                        "vulnerable_code_cannot_be_controlled_by_adversary", "inline_mitigations_already_exist"))
                        .field("impact_statement", gen.sentence(gen.between(6, 14)));
                case "affected" -> w.field("action_statement", "Upgrade to " + gen.version() + ". " + gen.sentence(8));
                default -> w.field("status_notes", gen.sentence(gen.between(6, 12)));
            }
            w.end();
        }
        w.end().end();
        return bytes(w);
    }

    private static byte[] bytes(JsonWriter w) {
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }
}
