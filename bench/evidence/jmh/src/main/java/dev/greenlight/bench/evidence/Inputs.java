package dev.greenlight.bench.evidence;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

/**
 * Checks the generated inputs before anything is measured: each is detected as its own format from its content, parses
 * without error, and yields the facts printed here (a Markdown table), next to its size and the baseline's count.
 * Usage: {@code java -cp benchmarks.jar dev.greenlight.bench.evidence.Inputs [--write DIR] [format...]}; with
 * {@code --write} the inputs are also written to DIR for a look.
 */
public final class Inputs {
    private Inputs() {
    }

    public static void main(String[] args) throws Exception {
        EvidenceReader reader = EvidenceReader.standard();
        Path directory = null;
        if (args.length >= 2 && args[0].equals("--write")) {
            directory = Files.createDirectories(Path.of(args[1]));
            args = Arrays.copyOfRange(args, 2, args.length);
        }
        System.out.println("| format | size MB | baseline count | facts |");
        System.out.println("|---|---:|---:|---|");
        for (Format format : Driver.formats(args)) {
            byte[] bytes = format.generate();
            if (directory != null) {
                Files.write(directory.resolve(format.id() + (format.syntax() == Format.Syntax.TEXT ? ".info" : "." + format.syntax().id())), bytes);
            }
            Optional<EvidenceType> detected = reader.detect(new ByteArrayInputStream(bytes));
            if (detected.isEmpty() || detected.get() != format.type()) {
                throw new IllegalStateException(format.id() + " is detected as " + detected.map(EvidenceType::wireName).orElse("nothing"));
            }
            EvidenceFacts facts = reader.read(new ByteArrayInputStream(bytes), format.type()).facts();
            long count = Baselines.count(format.syntax(), bytes);
            String unit = switch (format.syntax()) {
                case XML -> "elements";
                case JSON -> "tokens";
                case TEXT -> "lines";
            };
            System.out.printf(Locale.ROOT, "| %s | %.1f | %,d %s | %s |%n", format.id(), bytes.length / 1e6, count, unit, describe(facts));
        }
    }

    static String describe(EvidenceFacts facts) {
        return switch (facts) {
            case TestFacts tests -> String.format(Locale.ROOT, "%,d tests: %,d failed, %,d errors, %,d skipped, %,d flaky", tests.total(),
                    tests.failed(), tests.errors(), tests.skipped(), tests.flaky());
            case CoverageFacts coverage -> String.format(Locale.ROOT, "%,d files, lines %,d/%,d, branches %,d/%,d", coverage.files().size(),
                    coverage.lines().covered(), coverage.lines().covered() + coverage.lines().missed(), coverage.branches().covered(),
                    coverage.branches().covered() + coverage.branches().missed());
            case SbomFacts sbom -> String.format(Locale.ROOT, "%,d components, %,d licenses, %,d dependency relations, %,d vulnerability findings",
                    sbom.componentCount(), sbom.licenses().size(), sbom.dependencyCount(), sbom.vulnerabilities().size());
            case SastFacts sast -> String.format(Locale.ROOT, "%,d results, %,d suppressed, tools %s", sast.results().size(),
                    sast.suppressed().size(), sast.tools());
            case VulnerabilityFacts vulnerabilities -> String.format(Locale.ROOT, "%,d findings, %,d ignored", vulnerabilities.findings().size(),
                    vulnerabilities.ignored().size());
            case VexFacts vex -> String.format(Locale.ROOT, "%,d statements", vex.statements().size());
            default -> facts.getClass().getSimpleName();
        };
    }
}
