package dev.greenlight.bench.evidence;

import static dev.greenlight.bench.evidence.Gen.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated CycloneDX 1.6 BOM, written as JSON (2-space indent, as cdxgen and the CycloneDX Maven plugin write it)
 * or as XML: the same components (some with nested components), licenses (ids, names, expressions), hashes,
 * references and properties, a dependency graph, and vulnerabilities with ratings, references, analyses and affected
 * components with versions. The two forms carry the same facts, so their throughputs compare directly.
 */
final class CycloneDxReports {
    /** Components at the top level (a tenth have nested ones): about 12 MB in either form. */
    private static final int COMPONENTS = 5_500;

    private CycloneDxReports() {
    }

    /** {@code licenses}: each {"id", value}, {"name", value, url} or {"expression", value}. */
    record Component(String ref, String type, String group, String name, String version, String description, String purl,
            String sha256, String sha512, List<String[]> licenses, String vcs, String website, List<Component> nested) {
    }

    record Vulnerability(String ref, String id, String alias, String severity, double score, String description, String state,
            List<String> affects, String fixed) {
    }

    record Bom(List<Component> components, List<List<String>> dependencies, List<Vulnerability> vulnerabilities) {
    }

    static Bom bom() {
        Gen gen = new Gen(0xcd);
        List<Component> components = new ArrayList<>(COMPONENTS);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < COMPONENTS; i++) {
            Component component = component(gen, i, gen.chance(0.1) ? gen.between(1, 4) : 0, refs);
            components.add(component);
        }
        List<List<String>> dependencies = new ArrayList<>();
        for (String ref : refs) {
            List<String> edge = new ArrayList<>();
            edge.add(ref);
            int count = gen.chance(0.4) ? 0 : gen.between(1, 6);
            for (int d = 0; d < count; d++) {
                edge.add(refs.get(gen.between(0, refs.size() - 1)));
            }
            dependencies.add(edge);
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (int i = 0; i < refs.size() / 8; i++) {
            String severity = gen.pick("low", "medium", "medium", "high", "high", "critical");
            List<String> affects = new ArrayList<>();
            int count = gen.between(1, 3);
            for (int a = 0; a < count; a++) {
                affects.add(refs.get(gen.between(0, refs.size() - 1)));
            }
            String state = gen.pick("exploitable", "in_triage", "not_affected", "exploitable", "");
            vulnerabilities.add(new Vulnerability("vuln-" + i, gen.cve(), gen.ghsa(), severity, gen.score(severity.toUpperCase()),
                    gen.paragraph(gen.between(2, 6)), state, affects, gen.version()));
        }
        return new Bom(components, dependencies, vulnerabilities);
    }

    private static Component component(Gen gen, int index, int nestedCount, List<String> refs) {
        String ecosystem = gen.pick("maven", "npm", "npm", "pypi", "golang");
        String group = switch (ecosystem) {
            case "maven" -> "org." + gen.word() + "." + gen.word();
            case "npm" -> gen.chance(0.4) ? "@" + gen.word() : "";
            case "golang" -> "github.com/" + gen.word();
            default -> "";
        };
        String name = gen.word() + "-" + gen.word() + "-" + index;
        String version = gen.version();
        String purl = "pkg:" + ecosystem + "/" + (group.isEmpty() ? "" : group.replace("@", "%40") + "/") + name + "@" + version;
        refs.add(purl);
        List<String[]> licenses = new ArrayList<>();
        double kind = gen.fraction();
        if (kind < 0.7) {
            licenses.add(new String[] {"id", gen.license()});
        } else if (kind < 0.85) {
            licenses.add(new String[] {"expression", gen.license() + " OR " + gen.license()});
        } else if (kind < 0.95) {
            licenses.add(new String[] {"name", "The " + Gen.capitalized(gen.word()) + " License", "https://example.org/licenses/" + gen.word()});
        }
        List<Component> nested = new ArrayList<>();
        for (int n = 0; n < nestedCount; n++) {
            nested.add(component(gen, index * 10 + n + 1_000_000, 0, refs));
        }
        return new Component(purl, gen.chance(0.95) ? "library" : "framework", group, name, version, gen.sentence(gen.between(5, 14)), purl,
                gen.hex(64), gen.hex(128), licenses, "https://github.com/" + gen.word() + "/" + name, "https://" + name + ".example.org",
                nested);
    }

    static byte[] json() {
        Bom bom = bom();
        JsonWriter w = new JsonWriter(new StringBuilder(13 << 20), 2);
        w.object().field("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json").field("bomFormat", "CycloneDX")
                .field("specVersion", "1.6").field("serialNumber", "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79").field("version", 1);
        w.name("metadata").object().field("timestamp", "2024-05-01T12:00:00Z");
        w.name("tools").object().name("components").array().object().field("type", "application").field("group", "org.cyclonedx")
                .field("name", "cyclonedx-maven-plugin").field("version", "2.8.0").end().end().end();
        w.name("component").object().field("type", "application").field("bom-ref", "pkg:maven/org.example/app@1.0.0")
                .field("group", "org.example").field("name", "app").field("version", "1.0.0").field("purl", "pkg:maven/org.example/app@1.0.0")
                .end();
        w.end();
        w.name("components").array();
        for (Component component : bom.components()) {
            writeJson(w, component);
        }
        w.end();
        w.name("dependencies").array();
        for (List<String> edge : bom.dependencies()) {
            w.object().field("ref", edge.getFirst()).name("dependsOn").array();
            edge.subList(1, edge.size()).forEach(w::value);
            w.end().end();
        }
        w.end();
        w.name("vulnerabilities").array();
        for (Vulnerability vulnerability : bom.vulnerabilities()) {
            w.object().field("bom-ref", vulnerability.ref()).field("id", vulnerability.id());
            w.name("source").object().field("name", "NVD").field("url", "https://nvd.nist.gov/vuln/detail/" + vulnerability.id()).end();
            w.name("references").array().object().field("id", vulnerability.alias()).name("source").object().field("name", "GitHub")
                    .field("url", "https://github.com/advisories/" + vulnerability.alias()).end().end().end();
            w.name("ratings").array().object().name("source").object().field("name", "NVD").end().field("score", vulnerability.score())
                    .field("severity", vulnerability.severity()).field("method", "CVSSv31")
                    .field("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N").end().end();
            w.name("cwes").array().value(79).value(400).end();
            w.field("description", vulnerability.description()).field("recommendation", "Upgrade to " + vulnerability.fixed() + " or later.");
            w.name("advisories").array().object().field("url", "https://github.com/advisories/" + vulnerability.alias()).end().end();
            w.field("published", "2023-11-02T18:15:00Z").field("updated", "2024-02-14T09:30:00Z");
            if (!vulnerability.state().isEmpty()) {
                w.name("analysis").object().field("state", vulnerability.state());
                if (vulnerability.state().equals("not_affected")) {
                    w.field("justification", "code_not_reachable");
                }
                w.field("detail", "Triaged by the security team.").end();
            }
            w.name("affects").array();
            for (String ref : vulnerability.affects()) {
                w.object().field("ref", ref).name("versions").array().object().field("version", vulnerability.fixed())
                        .field("status", "unaffected").end().object().field("range", "vers:generic/<" + vulnerability.fixed())
                        .field("status", "affected").end().end().end();
            }
            w.end().end();
        }
        w.end();
        w.end();
        return toBytes(w);
    }

    private static void writeJson(JsonWriter w, Component component) {
        w.object().field("bom-ref", component.ref()).field("type", component.type());
        if (!component.group().isEmpty()) {
            w.field("group", component.group());
        }
        w.field("name", component.name()).field("version", component.version()).field("description", component.description())
                .field("scope", "required");
        w.name("hashes").array().object().field("alg", "SHA-256").field("content", component.sha256()).end().object()
                .field("alg", "SHA-512").field("content", component.sha512()).end().end();
        if (!component.licenses().isEmpty()) {
            w.name("licenses").array();
            for (String[] license : component.licenses()) {
                switch (license[0]) {
                    case "id" -> w.object().name("license").object().field("id", license[1]).end().end();
                    case "name" -> w.object().name("license").object().field("name", license[1]).field("url", license[2]).end().end();
                    default -> w.object().field("expression", license[1]).end();
                }
            }
            w.end();
        }
        w.field("purl", component.purl());
        w.name("externalReferences").array().object().field("type", "vcs").field("url", component.vcs()).end().object()
                .field("type", "website").field("url", component.website()).end().end();
        w.name("properties").array().object().field("name", "cdx:maven:package:test").field("value", "false").end().end();
        if (!component.nested().isEmpty()) {
            w.name("components").array();
            component.nested().forEach(nested -> writeJson(w, nested));
            w.end();
        }
        w.end();
    }

    static byte[] xmlBom() {
        Bom bom = bom();
        StringBuilder out = new StringBuilder(15 << 20);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" ")
                .append("serialNumber=\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\" version=\"1\">\n")
                .append("  <metadata>\n    <timestamp>2024-05-01T12:00:00Z</timestamp>\n    <tools>\n      <components>\n")
                .append("        <component type=\"application\">\n          <group>org.cyclonedx</group>\n")
                .append("          <name>cyclonedx-maven-plugin</name>\n          <version>2.8.0</version>\n        </component>\n")
                .append("      </components>\n    </tools>\n")
                .append("    <component type=\"application\" bom-ref=\"pkg:maven/org.example/app@1.0.0\">\n")
                .append("      <group>org.example</group>\n      <name>app</name>\n      <version>1.0.0</version>\n")
                .append("      <purl>pkg:maven/org.example/app@1.0.0</purl>\n    </component>\n  </metadata>\n  <components>\n");
        for (Component component : bom.components()) {
            writeXml(out, component, "    ");
        }
        out.append("  </components>\n  <dependencies>\n");
        for (List<String> edge : bom.dependencies()) {
            out.append("    <dependency ref=\"").append(xml(edge.getFirst())).append('"');
            if (edge.size() == 1) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (String ref : edge.subList(1, edge.size())) {
                out.append("      <dependency ref=\"").append(xml(ref)).append("\"/>\n");
            }
            out.append("    </dependency>\n");
        }
        out.append("  </dependencies>\n  <vulnerabilities>\n");
        for (Vulnerability vulnerability : bom.vulnerabilities()) {
            String id = vulnerability.id();
            out.append("    <vulnerability bom-ref=\"").append(vulnerability.ref()).append("\">\n      <id>").append(id).append("</id>\n")
                    .append("      <source>\n        <name>NVD</name>\n        <url>https://nvd.nist.gov/vuln/detail/").append(id)
                    .append("</url>\n      </source>\n      <references>\n        <reference>\n          <id>").append(vulnerability.alias())
                    .append("</id>\n          <source>\n            <name>GitHub</name>\n            <url>https://github.com/advisories/")
                    .append(vulnerability.alias()).append("</url>\n          </source>\n        </reference>\n      </references>\n")
                    .append("      <ratings>\n        <rating>\n          <source>\n            <name>NVD</name>\n          </source>\n")
                    .append("          <score>").append(vulnerability.score()).append("</score>\n          <severity>")
                    .append(vulnerability.severity()).append("</severity>\n          <method>CVSSv31</method>\n")
                    .append("          <vector>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N</vector>\n        </rating>\n      </ratings>\n")
                    .append("      <cwes>\n        <cwe>79</cwe>\n        <cwe>400</cwe>\n      </cwes>\n      <description>")
                    .append(xml(vulnerability.description())).append("</description>\n      <recommendation>Upgrade to ")
                    .append(vulnerability.fixed()).append(" or later.</recommendation>\n      <advisories>\n        <advisory>\n")
                    .append("          <url>https://github.com/advisories/").append(vulnerability.alias())
                    .append("</url>\n        </advisory>\n      </advisories>\n      <published>2023-11-02T18:15:00Z</published>\n")
                    .append("      <updated>2024-02-14T09:30:00Z</updated>\n");
            if (!vulnerability.state().isEmpty()) {
                out.append("      <analysis>\n        <state>").append(vulnerability.state()).append("</state>\n");
                if (vulnerability.state().equals("not_affected")) {
                    out.append("        <justification>code_not_reachable</justification>\n");
                }
                out.append("        <detail>Triaged by the security team.</detail>\n      </analysis>\n");
            }
            out.append("      <affects>\n");
            for (String ref : vulnerability.affects()) {
                out.append("        <target>\n          <ref>").append(xml(ref)).append("</ref>\n          <versions>\n")
                        .append("            <version>\n              <version>").append(vulnerability.fixed())
                        .append("</version>\n              <status>unaffected</status>\n            </version>\n")
                        .append("            <version>\n              <range>vers:generic/&lt;").append(vulnerability.fixed())
                        .append("</range>\n              <status>affected</status>\n            </version>\n          </versions>\n")
                        .append("        </target>\n");
            }
            out.append("      </affects>\n    </vulnerability>\n");
        }
        out.append("  </vulnerabilities>\n</bom>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeXml(StringBuilder out, Component component, String indent) {
        String inner = indent + "  ";
        out.append(indent).append("<component type=\"").append(component.type()).append("\" bom-ref=\"").append(xml(component.ref()))
                .append("\">\n");
        if (!component.group().isEmpty()) {
            out.append(inner).append("<group>").append(xml(component.group())).append("</group>\n");
        }
        out.append(inner).append("<name>").append(xml(component.name())).append("</name>\n")
                .append(inner).append("<version>").append(component.version()).append("</version>\n")
                .append(inner).append("<description>").append(xml(component.description())).append("</description>\n")
                .append(inner).append("<scope>required</scope>\n")
                .append(inner).append("<hashes>\n")
                .append(inner).append("  <hash alg=\"SHA-256\">").append(component.sha256()).append("</hash>\n")
                .append(inner).append("  <hash alg=\"SHA-512\">").append(component.sha512()).append("</hash>\n")
                .append(inner).append("</hashes>\n");
        if (!component.licenses().isEmpty()) {
            out.append(inner).append("<licenses>\n");
            for (String[] license : component.licenses()) {
                switch (license[0]) {
                    case "id" -> out.append(inner).append("  <license>\n").append(inner).append("    <id>").append(license[1])
                            .append("</id>\n").append(inner).append("  </license>\n");
                    case "name" -> out.append(inner).append("  <license>\n").append(inner).append("    <name>").append(xml(license[1]))
                            .append("</name>\n").append(inner).append("    <url>").append(license[2]).append("</url>\n")
                            .append(inner).append("  </license>\n");
                    default -> out.append(inner).append("  <expression>").append(license[1]).append("</expression>\n");
                }
            }
            out.append(inner).append("</licenses>\n");
        }
        out.append(inner).append("<purl>").append(xml(component.purl())).append("</purl>\n")
                .append(inner).append("<externalReferences>\n")
                .append(inner).append("  <reference type=\"vcs\">\n").append(inner).append("    <url>").append(component.vcs())
                .append("</url>\n").append(inner).append("  </reference>\n")
                .append(inner).append("  <reference type=\"website\">\n").append(inner).append("    <url>").append(component.website())
                .append("</url>\n").append(inner).append("  </reference>\n")
                .append(inner).append("</externalReferences>\n")
                .append(inner).append("<properties>\n").append(inner)
                .append("  <property name=\"cdx:maven:package:test\">false</property>\n").append(inner).append("</properties>\n");
        if (!component.nested().isEmpty()) {
            out.append(inner).append("<components>\n");
            component.nested().forEach(nested -> writeXml(out, nested, inner + "  "));
            out.append(inner).append("</components>\n");
        }
        out.append(indent).append("</component>\n");
    }

    static byte[] toBytes(JsonWriter w) {
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }
}
