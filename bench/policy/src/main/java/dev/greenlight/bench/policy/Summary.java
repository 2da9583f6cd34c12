package dev.greenlight.bench.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH JSON results of {@link PolicyBenchmark} into Markdown: per run, each benchmark's p50, p99, p99.9 and mean
 * time per evaluation in microseconds, and the ratio CEL / plain Java; then the medians over the runs (the median
 * ratio is the median of the per-run ratios).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.greenlight.bench.policy.Summary result.json [more.json...]}
 */
public final class Summary {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Timing(double p50, double p99, double p999, double mean, long samples) {
    }

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Summary result.json [more.json...]");
            System.exit(2);
        }
        List<Map<String, Timing>> runs = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String file : args) {
            Map<String, Timing> run = read(Path.of(file));
            runs.add(run);
            out.append("Run ").append(runs.size()).append(" (").append(Path.of(file).getFileName()).append("):\n\n");
            table(out, run);
            out.append('\n');
        }
        if (runs.size() > 1) {
            out.append("Medians over ").append(runs.size()).append(" runs:\n\n");
            Map<String, Timing> medians = new LinkedHashMap<>();
            for (String benchmark : runs.getFirst().keySet()) {
                List<Timing> timings = runs.stream().map(run -> run.get(benchmark)).toList();
                medians.put(benchmark, new Timing(median(timings.stream().map(Timing::p50).toList()), median(timings.stream().map(Timing::p99).toList()),
                        median(timings.stream().map(Timing::p999).toList()), median(timings.stream().map(Timing::mean).toList()),
                        timings.stream().mapToLong(Timing::samples).sum()));
            }
            table(out, medians);
            double ratio = median(runs.stream().map(run -> run.get("cel").p99() / run.get("plainJava").p99()).toList());
            out.append("\nMedian of the per-run p99 ratios (CEL / plain Java): ").append(format(ratio)).append('\n');
        }
        System.out.print(out);
    }

    private static void table(StringBuilder out, Map<String, Timing> run) {
        out.append("| benchmark | p50 µs | p99 µs | p99.9 µs | mean µs | samples |\n|---|---|---|---|---|---|\n");
        run.forEach((benchmark, timing) -> out.append("| ").append(benchmark).append(" | ").append(format(timing.p50())).append(" | ")
                .append(format(timing.p99())).append(" | ").append(format(timing.p999())).append(" | ").append(format(timing.mean()))
                .append(" | ").append(timing.samples()).append(" |\n"));
        Timing cel = run.get("cel");
        Timing java = run.get("plainJava");
        if (cel != null && java != null) {
            out.append("| ratio CEL / Java | ").append(format(cel.p50() / java.p50())).append(" | ").append(format(cel.p99() / java.p99()))
                    .append(" | ").append(format(cel.p999() / java.p999())).append(" | ").append(format(cel.mean() / java.mean())).append(" | |\n");
        }
    }

    private static Map<String, Timing> read(Path file) throws IOException {
        Map<String, Timing> run = new LinkedHashMap<>();
        for (JsonNode result : JSON.readTree(Files.readAllBytes(file))) {
            String name = result.path("benchmark").asString();
            JsonNode metric = result.path("primaryMetric");
            JsonNode percentiles = metric.path("scorePercentiles");
            long samples = 0;
            for (JsonNode fork : metric.path("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    for (JsonNode bucket : iteration) {
                        samples += bucket.get(1).asLong();
                    }
                }
            }
            run.put(name.substring(name.lastIndexOf('.') + 1), new Timing(percentiles.path("50.0").asDouble(), percentiles.path("99.0").asDouble(),
                    percentiles.path("99.9").asDouble(), metric.path("score").asDouble(), samples));
        }
        return run;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
