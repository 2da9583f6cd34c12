package dev.greenlight.server.evidence;

import java.nio.charset.StandardCharsets;

/** Small evidence files of our own, one per format the server tests upload. */
final class EvidenceFiles {
    private EvidenceFiles() {
    }

    static final String APP_SHA256 = "4f1c2f7a1e0a8c3d9b6e5f4a3c2b1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c";

    static byte[] junit(int failed) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"com.example.CartTest\" tests=\"99\" failures=\"0\" time=\"0.5\">\n"
                + "  <testcase classname=\"com.example.CartTest\" name=\"adds\" time=\"0.1\"/>\n"
                + "  <testcase classname=\"com.example.CartTest\" name=\"totals\" time=\"0.2\"/>\n");
        for (int i = 0; i < failed; i++) {
            xml.append("  <testcase classname=\"com.example.CartTest\" name=\"removes").append(i)
                    .append("\" time=\"0.1\"><failure message=\"expected 1 but was 2\">at Cart.remove</failure></testcase>\n");
        }
        return xml.append("</testsuite>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] trivy() {
        return """
                {"SchemaVersion": 2, "ArtifactName": "registry.example.org/cart:1.0.0", "ArtifactType": "container_image",
                 "Results": [{"Target": "app.jar", "Class": "lang-pkgs", "Type": "jar", "Vulnerabilities": [
                   {"VulnerabilityID": "CVE-2024-1111", "PkgName": "org.example:parser", "InstalledVersion": "1.2.0",
                    "FixedVersion": "1.2.1", "Severity": "HIGH",
                    "PkgIdentifier": {"PURL": "pkg:maven/org.example/parser@1.2.0"}},
                   {"VulnerabilityID": "CVE-2024-2222", "PkgName": "org.example:codec", "InstalledVersion": "3.0.0",
                    "FixedVersion": "", "Severity": "CRITICAL",
                    "PkgIdentifier": {"PURL": "pkg:maven/org.example/codec@3.0.0"}}]}]}
                """.getBytes(StandardCharsets.UTF_8);
    }

    /** Says the release is not affected by CVE-2024-2222. */
    static byte[] openVex() {
        return """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.org/vex/cart-1",
                 "author": "Cart team", "timestamp": "2026-11-01T10:00:00Z", "version": 1,
                 "statements": [{"vulnerability": {"name": "CVE-2024-2222"},
                   "products": [{"@id": "pkg:oci/cart@sha256%3A4f1c"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
                """.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] provenance(String subjectSha256) {
        return ("""
                {"_type": "https://in-toto.io/Statement/v1",
                 "subject": [{"name": "cart.jar", "digest": {"sha256": "%s"}}],
                 "predicateType": "https://slsa.dev/provenance/v1",
                 "predicate": {"buildDefinition": {"buildType": "https://actions.github.io/buildtypes/workflow/v1",
                     "externalParameters": {"workflow": {"repository": "https://github.com/example/cart", "ref": "refs/tags/v1.0.0", "path": ".github/workflows/release.yml"}},
                     "resolvedDependencies": [{"uri": "git+https://github.com/example/cart@refs/tags/v1.0.0",
                       "digest": {"gitCommit": "0123456789abcdef0123456789abcdef01234567"}}]},
                   "runDetails": {"builder": {"id": "https://github.com/actions/runner"}}}}
                """).formatted(subjectSha256).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] malformedJunit() {
        return "<?xml version=\"1.0\"?>\n<testsuite name=\"broken\">\n  <testcase name=\"a\">\n</testsuite>\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xxe() {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE testsuite [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <testsuite name="x"><testcase name="&secret;"/></testsuite>
                """.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] lcov() {
        return """
                TN:
                SF:src/cart.js
                DA:1,1
                DA:2,0
                BRDA:2,0,0,1
                BRDA:2,0,1,-
                LF:2
                LH:1
                end_of_record
                """.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cycloneDx() {
        return """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "metadata": {"tools": {"components": [{"type": "application", "name": "cdxgen"}]}},
                 "components": [
                   {"type": "library", "name": "parser", "version": "1.2.0", "purl": "pkg:maven/org.example/parser@1.2.0",
                    "licenses": [{"license": {"id": "Apache-2.0"}}],
                    "components": [{"type": "library", "name": "codec", "version": "3.0.0", "purl": "pkg:maven/org.example/codec@3.0.0",
                                    "licenses": [{"expression": "MIT OR Apache-2.0"}]}]}],
                 "dependencies": [{"ref": "pkg:maven/org.example/parser@1.2.0", "dependsOn": ["pkg:maven/org.example/codec@3.0.0"]}]}
                """.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sarif() {
        return """
                {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                 "runs": [{"tool": {"driver": {"name": "CodeQL", "rules": [
                     {"id": "java/sql-injection", "properties": {"security-severity": "8.8"}},
                     {"id": "java/unused", "defaultConfiguration": {"level": "note"}}]}},
                   "results": [
                     {"ruleId": "java/sql-injection", "level": "error", "message": {"text": "Query built from user input."},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/Cart.java"}, "region": {"startLine": 12}}}]},
                     {"ruleId": "java/unused", "message": {"text": "Unused variable."}}]}]}
                """.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] k6() {
        return """
                {"metrics": {
                   "http_req_duration": {"avg": 120.5, "min": 1.2, "med": 95.0, "max": 1500.7, "p(90)": 210.0, "p(95)": 350.2,
                                         "thresholds": {"p(95)<300": true}},
                   "http_req_failed": {"passes": 4, "fails": 396, "value": 0.01},
                   "http_reqs": {"count": 400, "rate": 13.3},
                   "checks": {"passes": 390, "fails": 10, "value": 0.975}},
                 "root_group": {"name": "", "path": "", "groups": {}, "checks": {}}}
                """.getBytes(StandardCharsets.UTF_8);
    }
}
