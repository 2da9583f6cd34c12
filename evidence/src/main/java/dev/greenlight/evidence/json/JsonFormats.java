package dev.greenlight.evidence.json;

import java.util.List;

import dev.greenlight.evidence.EvidenceParser;

/** The JSON formats: CycloneDX JSON, SPDX, SARIF, Trivy, Grype, k6, OpenVEX and in-toto/DSSE, in detection order. */
public final class JsonFormats {
    private JsonFormats() {
    }

    /**
     * The parsers, most specific marker first: each recognises its format by keys at their place near the root (see
     * {@link JsonHead}), never by file name, so the order only matters for files that carry the markers of two formats.
     */
    public static List<EvidenceParser> parsers() {
        return List.of(
                new InTotoParser(),
                new OpenVexParser(),
                new CycloneDxJsonParser(),
                new SpdxJsonParser(),
                new SarifParser(),
                new GrypeParser(),
                new TrivyParser(),
                new K6SummaryParser());
    }
}
