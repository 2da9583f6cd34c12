package dev.greenlight.evidence;

import java.util.Arrays;
import java.util.Optional;

/**
 * The evidence formats Greenlight reads, and the fact family each one feeds. The wire name is what clients send as
 * an explicit {@code type} and what the API reports.
 */
public enum EvidenceType {
    JUNIT("junit", FactFamily.TESTS),
    JACOCO("jacoco", FactFamily.COVERAGE),
    COBERTURA("cobertura", FactFamily.COVERAGE),
    LCOV("lcov", FactFamily.COVERAGE),
    CYCLONEDX("cyclonedx", FactFamily.SBOM),
    SPDX("spdx", FactFamily.SBOM),
    SARIF("sarif", FactFamily.SAST),
    TRIVY("trivy", FactFamily.VULNERABILITIES),
    GRYPE("grype", FactFamily.VULNERABILITIES),
    K6("k6", FactFamily.PERFORMANCE),
    OPENVEX("openvex", FactFamily.VEX),
    IN_TOTO("in-toto", FactFamily.PROVENANCE);

    private final String wireName;
    private final FactFamily family;

    EvidenceType(String wireName, FactFamily family) {
        this.wireName = wireName;
        this.family = family;
    }

    public String wireName() {
        return wireName;
    }

    public FactFamily family() {
        return family;
    }

    public static Optional<EvidenceType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    /** The namespaces of facts; a release's facts are the merge of its evidence facts per family. */
    public enum FactFamily {
        TESTS("tests"),
        COVERAGE("coverage"),
        SBOM("sbom"),
        VULNERABILITIES("vulns"),
        SAST("sast"),
        PERFORMANCE("perf"),
        VEX("vex"),
        PROVENANCE("provenance");

        private final String prefix;

        FactFamily(String prefix) {
            this.prefix = prefix;
        }

        /** The first segment of every fact name of this family: {@code tests}, {@code coverage}… */
        public String prefix() {
            return prefix;
        }
    }
}
