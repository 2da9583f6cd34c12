package dev.greenlight.evidence.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.TestFacts;

/** Reports much larger than the heap parse in it: the parsers stream, keeping facts, never the document. */
class LargeReportsTest {
    /** About 27 MB of JUnit XML and 25 MB of CycloneDX, each read by a JVM with a 12 MB heap. */
    private static final String HEAP = "-Xmx12m";

    @Test
    void aJUnitReportLargerThanTheHeapParses() throws Exception {
        assertThat(probe("junit", 50_000)).isEqualTo("total=50000 failed=50 flaky=50");
    }

    @Test
    void aCycloneDxBomLargerThanTheHeapParses() throws Exception {
        assertThat(probe("cyclonedx", 110_000)).isEqualTo("components=110000 dependencies=1");
    }

    @Test
    void theGeneratedReportsSayWhatTheProbeExpects() {
        TestFacts facts = new JUnitXmlParser().parse(LargeReportProbe.junit(3_000), ParseLimits.DEFAULT);

        assertThat(facts.total()).isEqualTo(3_000);
        assertThat(facts.failed()).isEqualTo(3);
        assertThat(facts.flaky()).isEqualTo(3);
    }

    private static String probe(String format, int count) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java.toString(), HEAP, "-XX:+UseSerialGC", "-Xshare:auto", "-cp", classPath,
                LargeReportProbe.class.getName(), format, String.valueOf(count)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            List<String> lines = output.lines().toList();
            return lines.getLast();
        } finally {
            process.destroyForcibly();
        }
    }
}
