package dev.greenlight.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

/**
 * Lists stop at the listing limit, counts never do: every fixture of a format with counted findings, results or tests
 * gives the same counts however few items may be listed, and holds together ({@link FuzzTestSupport#check}). With
 * {@code -Dgreenlight.samples} (or {@code GREENLIGHT_SAMPLES}) set, every file of that corpus is checked too.
 */
class CountsDoNotDependOnTheListingLimitTest {

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(CountsDoNotDependOnTheListingLimitTest.class.getResource("/json").toURI()).getParent();
        List<Path> directories = List.of(root.resolve("json/trivy"), root.resolve("json/grype"), root.resolve("json/sarif"),
                root.resolve("json/cyclonedx"), root.resolve("json/spdx"), root.resolve("xml/cyclonedx"), root.resolve("xml/junit"));
        Stream<Path> ours = directories.stream().flatMap(directory -> files(directory, 1));
        // The shared corpus of real files, when it is configured (as for the corpus tests).
        String samples = System.getProperty("greenlight.samples", System.getenv("GREENLIGHT_SAMPLES"));
        Stream<Path> shared = samples == null || samples.isBlank() ? Stream.empty() : files(Path.of(samples), Integer.MAX_VALUE);
        return Stream.concat(ours, shared);
    }

    private static Stream<Path> files(Path directory, int depth) {
        try (Stream<Path> files = Files.walk(directory, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void countsAreTheSameWhateverTheListingLimit(Path fixture) throws IOException {
        byte[] file = Files.readAllBytes(fixture);
        EvidenceFacts complete;
        try {
            complete = EvidenceReader.standard().read(new ByteArrayInputStream(file), null).facts();
        } catch (EvidenceFormatException | EvidenceLimitException | UnknownEvidenceFormatException e) {
            // A fixture of a broken file: nothing to count.
            return;
        }
        FuzzTestSupport.check(complete, ParseLimits.DEFAULT);
        for (int listed = 0; listed <= 3; listed++) {
            ParseLimits limits = new ParseLimits(200, 10 * 1024 * 1024, 1L << 30, 200, listed);
            EvidenceFacts cut;
            try {
                cut = EvidenceReader.standard(limits).read(new ByteArrayInputStream(file), null).facts();
            } catch (EvidenceLimitException e) {
                // Lists that refuse rather than cut (licenses, rules) may refuse a small limit; counts are not at stake.
                continue;
            }
            FuzzTestSupport.check(cut, limits);
            assertThat(counts(cut)).as("counts listing at most %d", listed).isEqualTo(counts(complete));
        }
    }

    /** Every count of the facts, none of the lists or flags. */
    private static Map<String, Object> counts(EvidenceFacts facts) {
        Map<String, Object> counts = new LinkedHashMap<>();
        switch (facts) {
            case VulnerabilityFacts vulns -> {
                counts.put("bySeverity", vulns.bySeverity());
                counts.put("fixable", vulns.fixable());
            }
            case SastFacts sast -> {
                counts.put("byLevel", sast.byLevel());
                counts.put("bySecuritySeverity", sast.bySecuritySeverity());
                counts.put("suppressed", sast.suppressedCount());
            }
            case SbomFacts sbom -> {
                counts.put("componentCount", sbom.componentCount());
                counts.put("vulnerabilities", sbom.vulnerabilitiesBySeverity());
                counts.put("fixableVulnerabilities", sbom.fixableVulnerabilities());
            }
            case TestFacts tests -> {
                counts.put("tests", List.of(tests.total(), tests.passed(), tests.failed(), tests.errors(), tests.skipped(), tests.flaky()));
            }
            case CoverageFacts coverage -> {
                counts.put("lines", coverage.lines());
                counts.put("branches", coverage.branches());
            }
            // The other families refuse what they cannot list, so their facts are the same or not there at all.
            default -> counts.put("facts", facts);
        }
        return counts;
    }
}
