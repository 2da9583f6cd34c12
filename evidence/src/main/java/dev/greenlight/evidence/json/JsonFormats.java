package dev.greenlight.evidence.json;

import java.util.List;

import dev.greenlight.evidence.EvidenceParser;

/** The JSON formats: CycloneDX JSON, SPDX, SARIF, Trivy, Grype, k6, OpenVEX and in-toto/DSSE, in detection order. */
public final class JsonFormats {
    private JsonFormats() {
    }

    public static List<EvidenceParser> parsers() {
        return List.of();
    }
}
