package dev.greenlight.bench.evidence;

import java.util.Arrays;
import java.util.function.IntFunction;

import dev.greenlight.evidence.EvidenceType;

/**
 * The benchmarked formats: each with its generated input, the evidence type it is declared as, and the syntax whose
 * baseline it is compared with. k6 summaries and in-toto attestations are left out: real ones are kilobytes, where a
 * throughput in MB/s means little (fixed costs dominate), and an in-toto envelope is one base64 string to a token
 * counter, so a baseline would measure nothing comparable.
 */
enum Format {
    JUNIT("junit", Syntax.XML, EvidenceType.JUNIT, XmlReports::junit),
    JACOCO("jacoco", Syntax.XML, EvidenceType.JACOCO, XmlReports::jacoco),
    COBERTURA("cobertura", Syntax.XML, EvidenceType.COBERTURA, XmlReports::cobertura),
    CYCLONEDX_XML("cyclonedx-xml", Syntax.XML, EvidenceType.CYCLONEDX, size -> CycloneDxReports.xmlBom()),
    CYCLONEDX_JSON("cyclonedx-json", Syntax.JSON, EvidenceType.CYCLONEDX, size -> CycloneDxReports.json()),
    SPDX("spdx", Syntax.JSON, EvidenceType.SPDX, JsonReports::spdx),
    SARIF("sarif", Syntax.JSON, EvidenceType.SARIF, JsonReports::sarif),
    TRIVY("trivy", Syntax.JSON, EvidenceType.TRIVY, JsonReports::trivy),
    GRYPE("grype", Syntax.JSON, EvidenceType.GRYPE, JsonReports::grype),
    OPENVEX("openvex", Syntax.JSON, EvidenceType.OPENVEX, JsonReports::openVex),
    LCOV("lcov", Syntax.TEXT, EvidenceType.LCOV, LcovReport::lcov);

    /** The size each generator aims at (the CycloneDX BOM has a fixed number of components instead). */
    static final int TARGET_BYTES = 12_000_000;

    enum Syntax {
        XML, JSON, TEXT;

        String id() {
            return name().toLowerCase();
        }
    }

    private final String id;
    private final Syntax syntax;
    private final EvidenceType type;
    private final IntFunction<byte[]> generator;

    Format(String id, Syntax syntax, EvidenceType type, IntFunction<byte[]> generator) {
        this.id = id;
        this.syntax = syntax;
        this.type = type;
        this.generator = generator;
    }

    String id() {
        return id;
    }

    Syntax syntax() {
        return syntax;
    }

    EvidenceType type() {
        return type;
    }

    /** The name of the format's benchmark method in {@link ParserBenchmark}. */
    String parseMethod() {
        return "parse_" + id.replace('-', '_');
    }

    String baselineMethod() {
        return "baseline_" + syntax.id();
    }

    /** The input: the same bytes in every JVM. */
    byte[] generate() {
        return generator.apply(TARGET_BYTES);
    }

    static Format of(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no format " + id));
    }
}
