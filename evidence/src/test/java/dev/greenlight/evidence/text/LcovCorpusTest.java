package dev.greenlight.evidence.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.xml.SharedSamples;

/** The shared corpus of real LCOV tracefiles, including lcov's own error tests. */
class LcovCorpusTest {
    private final LcovParser parser = new LcovParser();

    @Test
    void everyTracefileIsRecognisedAndParsesOrIsRejectedAsDocumented() {
        for (Path file : SharedSamples.files("lcov")) {
            byte[] bytes = SharedSamples.read(file);
            String name = file.getFileName().toString();
            assertThat(parser.recognizes(Arrays.copyOf(bytes, Math.min(bytes.length, EvidenceReader.HEAD_BYTES)))).as(name).isTrue();
            assertThat(EvidenceReader.standard().detect(new ByteArrayInputStream(bytes))).as(name).contains(EvidenceType.LCOV);
            if (name.equals("lcov__errs_badLine.info")) {
                // lcov itself rejects DA lines for line 0: so do we, naming the line.
                assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(bytes), ParseLimits.DEFAULT))
                        .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("line 6, column 4"));
                continue;
            }
            CoverageFacts facts = parser.parse(new ByteArrayInputStream(bytes), ParseLimits.DEFAULT);
            assertThat(facts.files()).as(name).isNotEmpty();
            assertThat(facts.files().stream().mapToLong(coverage -> coverage.lines().total()).sum()).as(name).isEqualTo(facts.lines().total());
        }
    }

    @Test
    void tracefilesCountedByHand() {
        assertThat(parse("coverage-model__large-hit-counts.lcov").lines()).isEqualTo(new Counter(1, 1));
        assertThat(parse("coverage-model__large-hit-counts.lcov").branches()).isEqualTo(new Counter(1, 1));
        assertThat(parse("coverage-model__report.lcov").lines()).isEqualTo(new Counter(3, 3));
        assertThat(parse("coverage-model__report.lcov").branches()).isEqualTo(new Counter(1, 1));
        CoverageFacts istanbul = parse("coverage-reporter__test.lcov");
        assertThat(istanbul.lines()).as("one DA hit count is 2^64-1").isEqualTo(new Counter(16, 1));
        assertThat(istanbul.branches()).isEqualTo(new Counter(7, 1));
        // FNDA for a function no FN declared, FNF inconsistent: function data is no fact, so it is tolerated.
        CoverageFacts noFunction = parse("lcov__errs_noFunc.info");
        assertThat(noFunction.lines()).isEqualTo(new Counter(10, 6));
        assertThat(noFunction.branches()).isEqualTo(new Counter(2, 4));
    }

    private CoverageFacts parse(String name) {
        Path file = SharedSamples.files("lcov").stream().filter(path -> path.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the corpus has no lcov/" + name));
        return parser.parse(new ByteArrayInputStream(SharedSamples.read(file)), ParseLimits.DEFAULT);
    }
}
