package dev.greenlight.bench.evidence;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLStreamException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.ParsedEvidence;

/**
 * Evidence parser throughput: {@code parse_<format>} reads one generated file of about 12 MB through
 * {@link EvidenceReader#read} with its type declared (the path an upload takes once decompressed), and returns the
 * facts; {@code baseline_<xml|json|text>} reads the same bytes with the same library doing the minimum (see
 * {@link Baselines}), once per format's input ({@code format} parameter). Time per file; the Summary turns it into MB/s.
 * Use {@link Driver} to run each format's parser and baseline back to back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {
    private static final EvidenceReader READER = EvidenceReader.standard();

    /** A format's input, generated once per fork. */
    public abstract static class Input {
        byte[] bytes;

        abstract Format format();

        @Setup(Level.Trial)
        public void generate() {
            bytes = format().generate();
        }

        ParsedEvidence parse() {
            return READER.read(new ByteArrayInputStream(bytes), format().type());
        }
    }

    @State(Scope.Benchmark)
    public static class JUnit extends Input {
        @Override
        Format format() {
            return Format.JUNIT;
        }
    }

    @State(Scope.Benchmark)
    public static class Jacoco extends Input {
        @Override
        Format format() {
            return Format.JACOCO;
        }
    }

    @State(Scope.Benchmark)
    public static class Cobertura extends Input {
        @Override
        Format format() {
            return Format.COBERTURA;
        }
    }

    @State(Scope.Benchmark)
    public static class CycloneDxXml extends Input {
        @Override
        Format format() {
            return Format.CYCLONEDX_XML;
        }
    }

    @State(Scope.Benchmark)
    public static class CycloneDxJson extends Input {
        @Override
        Format format() {
            return Format.CYCLONEDX_JSON;
        }
    }

    @State(Scope.Benchmark)
    public static class Spdx extends Input {
        @Override
        Format format() {
            return Format.SPDX;
        }
    }

    @State(Scope.Benchmark)
    public static class Sarif extends Input {
        @Override
        Format format() {
            return Format.SARIF;
        }
    }

    @State(Scope.Benchmark)
    public static class Trivy extends Input {
        @Override
        Format format() {
            return Format.TRIVY;
        }
    }

    @State(Scope.Benchmark)
    public static class Grype extends Input {
        @Override
        Format format() {
            return Format.GRYPE;
        }
    }

    @State(Scope.Benchmark)
    public static class OpenVex extends Input {
        @Override
        Format format() {
            return Format.OPENVEX;
        }
    }

    @State(Scope.Benchmark)
    public static class Lcov extends Input {
        @Override
        Format format() {
            return Format.LCOV;
        }
    }

    /** The inputs of the XML formats, for the XML baseline. */
    @State(Scope.Benchmark)
    public static class XmlInput {
        @Param({"junit", "jacoco", "cobertura", "cyclonedx-xml"})
        public String format;
        byte[] bytes;

        @Setup(Level.Trial)
        public void generate() {
            bytes = Format.of(format).generate();
        }
    }

    /** The inputs of the JSON formats, for the JSON baseline. */
    @State(Scope.Benchmark)
    public static class JsonInput {
        @Param({"cyclonedx-json", "spdx", "sarif", "trivy", "grype", "openvex"})
        public String format;
        byte[] bytes;

        @Setup(Level.Trial)
        public void generate() {
            bytes = Format.of(format).generate();
        }
    }

    /** The inputs of the text formats, for the text baseline. */
    @State(Scope.Benchmark)
    public static class TextInput {
        @Param({"lcov"})
        public String format;
        byte[] bytes;

        @Setup(Level.Trial)
        public void generate() {
            bytes = Format.of(format).generate();
        }
    }

    @Benchmark
    public ParsedEvidence parse_junit(JUnit input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_jacoco(Jacoco input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_cobertura(Cobertura input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_cyclonedx_xml(CycloneDxXml input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_cyclonedx_json(CycloneDxJson input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_spdx(Spdx input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_sarif(Sarif input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_trivy(Trivy input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_grype(Grype input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_openvex(OpenVex input) {
        return input.parse();
    }

    @Benchmark
    public ParsedEvidence parse_lcov(Lcov input) {
        return input.parse();
    }

    @Benchmark
    public long baseline_xml(XmlInput input) throws XMLStreamException {
        return Baselines.xml(input.bytes);
    }

    @Benchmark
    public long baseline_json(JsonInput input) {
        return Baselines.json(input.bytes);
    }

    @Benchmark
    public long baseline_text(TextInput input) {
        return Baselines.text(input.bytes);
    }
}
