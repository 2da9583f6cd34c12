package dev.greenlight.evidence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.ParsedEvidence;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

/**
 * Real files from public repositories ({@code ../shared/samples}, next to the repository; CI has it): each valid one
 * is detected by content and parses to plausible facts, each invalid one is rejected with a clear message. Skipped
 * when the folder is not there. {@code -Dgreenlight.samples=DIR} or {@code GREENLIGHT_SAMPLES} point elsewhere.
 */
class JsonSamplesCorpusTest {
    /** The JSON sample folders and the format of each. */
    private static final Map<String, EvidenceType> FOLDERS = Map.of(
            "cyclonedx", EvidenceType.CYCLONEDX, "spdx", EvidenceType.SPDX, "sarif", EvidenceType.SARIF, "trivy", EvidenceType.TRIVY,
            "grype", EvidenceType.GRYPE, "k6", EvidenceType.K6, "openvex", EvidenceType.OPENVEX);
    /** Samples that break their format on purpose, with what the rejection must say. */
    private static final Map<String, String> INVALID = Map.of(
            "cyclonedx/specification__invalid-bomformat-1.6.json", "bomFormat is \"AnotherFormat\", not \"CycloneDX\"");

    private final EvidenceReader reader = new EvidenceReader(JsonFormats.parsers(), ParseLimits.DEFAULT);

    @TestFactory
    Stream<DynamicTest> eachValidSampleIsDetectedAndParsesToPlausibleFacts() {
        Path samples = samplesOrSkip();
        return jsonSamples(samples).filter(sample -> !INVALID.containsKey(relative(samples, sample))).map(sample ->
                DynamicTest.dynamicTest(relative(samples, sample), () -> {
                    EvidenceType expected = FOLDERS.get(sample.getParent().getFileName().toString());
                    ParsedEvidence parsed = read(sample);
                    assertThat(parsed.type()).isEqualTo(expected);
                    assertPlausible(parsed.facts());
                }));
    }

    @TestFactory
    Stream<DynamicTest> eachInvalidSampleIsRejectedWithAClearMessage() {
        Path samples = samplesOrSkip();
        return INVALID.entrySet().stream().map(invalid -> DynamicTest.dynamicTest(invalid.getKey(), () -> {
            Path sample = samples.resolve(invalid.getKey());
            assertThatThrownBy(() -> read(sample))
                    .isInstanceOf(EvidenceFormatException.class)
                    .hasMessageContaining(invalid.getValue());
        }));
    }

    @Test
    void cycloneDxSamplesHaveTheNumbersCountedByHand() {
        Path samples = samplesOrSkip();
        SbomFacts npm14 = (SbomFacts) read(samples.resolve("cyclonedx/bom-examples__juice-shop_via_npm_flat_bom.1.4.json")).facts();
        SbomFacts npm16 = (SbomFacts) read(samples.resolve("cyclonedx/cyclonedx-node-npm__juice-shop_flat_bom.1.6.json")).facts();
        SbomFacts full = (SbomFacts) read(samples.resolve("cyclonedx/specification__valid-bom-1.6.json")).facts();
        SbomFacts vulnerable = (SbomFacts) read(samples.resolve("cyclonedx/specification__valid-vulnerability-1.6.json")).facts();

        assertThat(npm14).extracting(SbomFacts::specVersion, SbomFacts::componentCount, SbomFacts::dependencyCount)
                .containsExactly("1.4", 1115L, 1775L);
        assertThat(npm14.licenses()).hasSize(19).contains("MIT", "(MIT OR Apache-2.0)", "WTFPL OR ISC");
        assertThat(npm14.components().getFirst().name()).isEqualTo("@babel/helper-string-parser");
        assertThat(npm16).extracting(SbomFacts::specVersion, SbomFacts::componentCount, SbomFacts::dependencyCount)
                .containsExactly("1.6", 1101L, 1766L);
        assertThat(npm16.licenses()).hasSize(20);
        assertThat(full.licenses()).containsExactly("Apache-2.0", "EPL-2.0 OR GPL-2.0-with-classpath-exception", "Some random license");
        assertThat(full.dependencyCount()).isEqualTo(1);
        // Its one vulnerability is analysed by the BOM's author as not_affected.
        assertThat(vulnerable.componentCount()).isEqualTo(1);
        assertThat(vulnerable.vulnerabilities()).isEmpty();
    }

    @Test
    void spdxSamplesHaveTheNumbersCountedByHand() {
        Path samples = samplesOrSkip();
        SbomFacts terraform = (SbomFacts) read(samples.resolve("spdx/terraform-provider-aci__sbom.spdx.json")).facts();
        SbomFacts example22 = (SbomFacts) read(samples.resolve("spdx/spdx-spec__SPDXJSONExample-v2.2.spdx.json")).facts();

        assertThat(terraform).extracting(SbomFacts::specVersion, SbomFacts::componentCount, SbomFacts::dependencyCount)
                .containsExactly("2.3", 63L, 106L);
        assertThat(terraform.licenses()).hasSize(9).contains("BSD-3-Clause AND MPL-2.0");
        assertThat(terraform.components().stream().filter(component -> component.purl() != null)).hasSize(62);
        assertThat(example22.components()).extracting(SbomFacts.Component::name, SbomFacts.Component::purl)
                .contains(tuple("Jena", "pkg:maven/org.apache.jena/apache-jena@3.12.0"));
        assertThat(example22.dependencyCount()).isEqualTo(1);
    }

    @Test
    void scannerSamplesHaveTheNumbersCountedByHand() {
        Path samples = samplesOrSkip();
        SastFacts suppressions = (SastFacts) read(samples.resolve("sarif/sarif-tutorials__Suppressions.sarif")).facts();
        SastFacts trivySarif = (SastFacts) read(samples.resolve("sarif/trivy__alpine-310.sarif.golden")).facts();
        SastFacts ruleMetadata = (SastFacts) read(samples.resolve("sarif/sarif-tutorials__RuleMetadata.sarif")).facts();
        VulnerabilityFacts centos = (VulnerabilityFacts) read(samples.resolve("trivy/trivy__centos-7.json.golden")).facts();
        VulnerabilityFacts grype = (VulnerabilityFacts) read(samples.resolve("grype/grype__TestJsonImgsPresenter.golden.json")).facts();

        assertThat(suppressions.results()).hasSize(4);
        assertThat(suppressions.suppressed()).hasSize(5);
        assertThat(trivySarif.results()).hasSize(4).allMatch(result -> result.securitySeverity() == Severity.MEDIUM);
        assertThat(ruleMetadata.results().getFirst().message()).isEqualTo("The URI '//C:/code/dev' is invalid.");
        assertThat(centos.findings()).extracting(Finding::id, Finding::severity, Finding::hasFix).containsExactly(
                tuple("CVE-2019-18276", Severity.LOW, false),
                tuple("CVE-2019-1559", Severity.MEDIUM, true),
                tuple("CVE-2018-0734", Severity.LOW, true));
        assertThat(grype.findings()).extracting(Finding::id, Finding::severity, Finding::fixedVersion).containsExactly(
                tuple("CVE-1999-0001", Severity.LOW, "1.2.1"),
                tuple("CVE-1999-0002", Severity.CRITICAL, null));
    }

    @Test
    void k6SamplesHaveTheNumbersReadByHand() {
        Path samples = samplesOrSkip();
        PerformanceFacts ticketing = (PerformanceFacts) read(samples.resolve("k6/high-vol-ticketing__k6-summary.json")).facts();
        PerformanceFacts qrCodes = (PerformanceFacts) read(samples.resolve("k6/qr-code-generator__summary-export.json")).facts();
        PerformanceFacts rateLimiter = (PerformanceFacts) read(samples.resolve("k6/rate-limiter__heavy_summary.json")).facts();
        PerformanceFacts devSecOps = (PerformanceFacts) read(samples.resolve("k6/tp-devsecops__k6-summary.json")).facts();

        assertThat(ticketing).extracting(PerformanceFacts::p95Ms, PerformanceFacts::errorRate, PerformanceFacts::requests,
                PerformanceFacts::checksPassed, PerformanceFacts::checksFailed, PerformanceFacts::allThresholdsPassed)
                .containsExactly(1669.1269523999997, 0.2297172473956997, 38974L, 38974L, 10470L, true);
        assertThat(ticketing.thresholds()).hasSize(4);
        assertThat(qrCodes).extracting(PerformanceFacts::p95Ms, PerformanceFacts::p99Ms, PerformanceFacts::medianMs,
                PerformanceFacts::errorRate, PerformanceFacts::requests)
                .containsExactly(null, 348.6492700000003, 3.12, 0.0, 493168L);
        assertThat(rateLimiter.thresholds()).extracting(PerformanceFacts.Threshold::metric, PerformanceFacts.Threshold::passed)
                .containsExactly(tuple("http_req_duration", false));
        assertThat(rateLimiter.p90Ms()).isEqualTo(117.31874200000001);
        assertThat(devSecOps).extracting(PerformanceFacts::p95Ms, PerformanceFacts::errorRate, PerformanceFacts::requests,
                PerformanceFacts::requestRate, PerformanceFacts::checksPassed, PerformanceFacts::checksFailed)
                .containsExactly(55203.234729250005, 0.037938844847112116, 1766L, 5.351505774201317, 2256L, 106L);
        assertThat(devSecOps.thresholds()).hasSize(3).noneMatch(PerformanceFacts.Threshold::passed);
    }

    @Test
    void openVexSamplesHaveTheStatementsReadByHand() {
        Path samples = samplesOrSkip();
        VexFacts goVex = (VexFacts) read(samples.resolve("openvex/go-vex__v0.2.0.json")).facts();
        VexFacts multiple = (VexFacts) read(samples.resolve("openvex/trivy__openvex-multiple.json")).facts();

        assertThat(goVex.statements()).hasSize(5);
        assertThat(goVex.statements().get(3).products()).contains("pkg:apk/alpine/libssl3@3.0.8-r3");
        assertThat(multiple.statements()).extracting(VexFacts.Statement::status)
                .containsExactly(VexFacts.Status.AFFECTED, VexFacts.Status.NOT_AFFECTED);
    }

    private static void assertPlausible(EvidenceFacts facts) {
        switch (facts) {
            case SbomFacts sbom -> {
                assertThat(sbom.componentCount()).isPositive().isGreaterThanOrEqualTo(sbom.components().size());
                assertThat(sbom.components()).allMatch(component -> component.name() != null);
                assertThat(sbom.specVersion()).matches("\\d\\.\\d");
                assertThat(sbom.dependencyCount()).isNotNegative();
            }
            case VulnerabilityFacts vulnerabilities -> assertThat(vulnerabilities.findings()).allMatch(finding -> !finding.id().isBlank());
            case SastFacts sast -> {
                assertThat(sast.tools()).isNotEmpty();
                assertThat(sast.results()).allMatch(result -> !result.ruleId().isBlank());
            }
            case PerformanceFacts performance -> {
                assertThat(performance.requests()).isPositive();
                assertThat(performance.avgMs()).isPositive();
                assertThat(performance.errorRate()).isBetween(0.0, 1.0);
            }
            case VexFacts vex -> assertThat(vex.statements()).isNotEmpty().allMatch(statement -> !statement.products().isEmpty());
            default -> throw new AssertionError("no JSON sample gives " + facts.family() + " facts");
        }
        assertThat(facts.toMap()).isNotEmpty();
    }

    private ParsedEvidence read(Path sample) {
        try (InputStream input = Files.newInputStream(sample)) {
            return reader.read(input, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> jsonSamples(Path samples) {
        return FOLDERS.keySet().stream().sorted().flatMap(folder -> {
            try (Stream<Path> files = Files.list(samples.resolve(folder))) {
                // CycloneDX XML samples belong to the XML parser.
                return files.filter(file -> !file.getFileName().toString().endsWith(".xml")).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String relative(Path samples, Path sample) {
        return samples.relativize(sample).toString().replace('\\', '/');
    }

    private static Path samplesOrSkip() {
        Optional<Path> samples = locateSamples();
        assumeTrue(samples.isPresent(), "No shared samples folder (../shared/samples beside the repository, or -Dgreenlight.samples): "
                + "the corpus test is skipped.");
        return samples.get();
    }

    static Optional<Path> locateSamples() {
        String configured = System.getProperty("greenlight.samples", System.getenv("GREENLIGHT_SAMPLES"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        // Tests run in the module directory; the samples sit beside the repository: <parent of repo>/shared/samples.
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            for (Path candidate : List.of(directory.resolve("shared/samples"), directory.resolveSibling("shared/samples"))) {
                if (Files.isDirectory(candidate.resolve("cyclonedx"))) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }
}
