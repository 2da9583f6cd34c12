package dev.greenlight.evidence.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.SbomFacts;

/**
 * Memory is bounded by the facts, not the file: a generated 100 MB CycloneDX BOM (made on the fly, never a file) is
 * read by a JVM whose whole heap is 48 MB, with the default limits (100,000 listed components).
 */
class LargeBomStreamingTest {
    private static final int MEGABYTES = 100;
    private static final String HEAP = "-Xmx48m";

    @Test
    void readsABomLargerThanTheHeapInAForkedJvm() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), HEAP, "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), LargeBomProbe.class.getName(), Integer.toString(MEGABYTES)))
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println("Large BOM probe (" + MEGABYTES + " MB, " + HEAP + "): " + output.strip());

        assertThat(finished).as("the probe finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        long components = GeneratedCycloneDxBom.ofMegabytes(MEGABYTES).components();
        assertThat(output).contains("components=" + components + " ").contains("listed=100000 ");
    }

    @Test
    void generatesTheBomItSays() {
        GeneratedCycloneDxBom bom = new GeneratedCycloneDxBom(250);

        SbomFacts facts = new CycloneDxJsonParser().parse(bom, ParseLimits.DEFAULT);

        assertThat(facts.componentCount()).isEqualTo(250);
        assertThat(facts.dependencyCount()).isEqualTo(bom.dependencyRelations()).isEqualTo(4);
        assertThat(facts.licenses()).containsExactly("Apache-2.0", "MIT");
        assertThat(facts.components().get(7).purl()).isEqualTo("pkg:maven/org.example.group7/artifact-7@1.7.0");
    }
}
