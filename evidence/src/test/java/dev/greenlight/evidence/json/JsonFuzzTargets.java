package dev.greenlight.evidence.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.FuzzTestSupport;
import dev.greenlight.evidence.ParseLimits;

/**
 * The fuzz targets of the JSON parsers and their seeds, shared by the seeded mutation test that runs in every build
 * ({@link JsonParsersMutationTest}) and by Jazzer's {@code @FuzzTest}s ({@code *FuzzTest} in this package, seeded from
 * {@code <Class>Inputs/} beside them in the test resources): whatever the bytes, a parser returns consistent facts or
 * throws one of its declared exceptions ({@link FuzzTestSupport}).
 */
final class JsonFuzzTargets {
    /** Small limits, so that the fuzzer reaches them and each input stays fast. */
    static final ParseLimits LIMITS = FuzzTestSupport.LIMITS;

    private static final Map<EvidenceType, List<String>> FIXTURES = Map.of(
            EvidenceType.CYCLONEDX, List.of("cyclonedx/bom-1.4-nested.json", "cyclonedx/bom-1.5-vulnerabilities.json"),
            EvidenceType.SPDX, List.of("spdx/spdx-2.3.json", "spdx/spdx-2.2.json"),
            EvidenceType.SARIF, List.of("sarif/two-runs.sarif.json"),
            EvidenceType.TRIVY, List.of("trivy/trivy-schema2.json", "trivy/trivy-legacy.json", "trivy/trivy-nothing-found.json"),
            EvidenceType.GRYPE, List.of("grype/grype-matches.json"),
            EvidenceType.K6, List.of("k6/summary-export.json", "k6/handle-summary.json"),
            EvidenceType.OPENVEX, List.of("openvex/openvex-0.2.0.json", "openvex/openvex-0.0.1.json"),
            EvidenceType.IN_TOTO, List.of("in-toto/statement-slsa-v1.json", "in-toto/statement-slsa-v02.json", "in-toto/dsse-envelope.json",
                    "in-toto/sigstore-bundle.json", "in-toto/attestations.intoto.jsonl"));

    private JsonFuzzTargets() {
    }

    static EvidenceParser parser(EvidenceType type) {
        return JsonFormats.parsers().stream().filter(parser -> parser.type() == type).findFirst().orElseThrow();
    }

    /** Parses (and detects) the input; anything but consistent facts or a declared exception is a failure. */
    static void parseOrReject(EvidenceParser parser, byte[] input) {
        FuzzTestSupport.parseOrReject(parser, input, LIMITS);
    }

    /** In-toto's interesting inputs hide in a base64 payload: fuzz the statement and wrap it. */
    static void parseOrRejectEnveloped(byte[] statement) {
        String envelope = "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \""
                + Base64.getEncoder().encodeToString(statement) + "\", \"signatures\": []}";
        parseOrReject(parser(EvidenceType.IN_TOTO), envelope.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Our fixtures of the format, small documents at its edges, and every input fuzzing ever found a failure with
     * (json/fuzz-findings, replayed against all parsers).
     */
    static Stream<byte[]> seeds(EvidenceType type) {
        List<byte[]> seeds = new ArrayList<>();
        FIXTURES.get(type).forEach(fixture -> seeds.add(JsonFixtures.bytes(fixture)));
        Stream.of("{}", "[]", "null", "{\"a\": [1, 2, {\"b\": null}]}", "\uFEFF{ }", "{\"a\": 1} {\"b\": 2}", "[{\"Target\": 1}]")
                .forEach(text -> seeds.add(text.getBytes(StandardCharsets.UTF_8)));
        seeds.addAll(findings());
        return seeds.stream();
    }

    static List<byte[]> findings() {
        try (Stream<Path> files = Files.list(Path.of(JsonFuzzTargets.class.getResource("/json/fuzz-findings").toURI()))) {
            return files.sorted().map(file -> {
                try {
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
