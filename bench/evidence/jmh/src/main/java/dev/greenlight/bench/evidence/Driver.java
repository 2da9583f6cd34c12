package dev.greenlight.bench.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ParserBenchmark} format by format: each format's baseline and then its parser, back to back, so that
 * load from other work on the machine drifts as little as possible between the two numbers a ratio is made of
 * (a plain JMH run would run all baselines first, then all parsers). Writes one JMH JSON file with every result.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.greenlight.bench.evidence.Driver <result.json> [JMH options...]};
 * {@code -Dbench.formats=junit,sarif} runs only those formats.
 */
public final class Driver {
    private Driver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Driver <result.json> [JMH options...]");
            System.exit(2);
        }
        String resultFile = args[0];
        CommandLineOptions jmhOptions = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        String selected = System.getProperty("bench.formats", "");
        List<Format> formats = formats(selected.isBlank() ? new String[0] : selected.split(","));
        List<RunResult> results = new ArrayList<>();
        int done = 0;
        for (Format format : formats) {
            System.err.printf("bench: [%d/%d] %s: %s, then %s%n", ++done, formats.size(), format.id(), format.baselineMethod(),
                    format.parseMethod());
            Options options = new OptionsBuilder()
                    .parent(jmhOptions)
                    .include(ParserBenchmark.class.getName() + "\\.(" + format.baselineMethod() + "|" + format.parseMethod() + ")$")
                    .param("format", format.id())
                    .build();
            results.addAll(new Runner(options).run());
        }
        ResultFormatFactory.getInstance(ResultFormatType.JSON, resultFile).writeOut(results);
    }

    /** The formats named (all when none is), in the declared order. */
    static List<Format> formats(String[] ids) {
        if (ids.length == 0) {
            return List.of(Format.values());
        }
        return Arrays.stream(ids).map(String::strip).map(Format::of).toList();
    }
}
