package dev.greenlight.bench.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns JMH JSON results of {@link ParserBenchmark} into Markdown: per format the input size, the parser's and the
 * baseline's throughput in MB/s (10^6 bytes per second: input size / mean time per file) and their ratio (parser MB/s
 * / baseline MB/s; 1 would mean the parser costs nothing beyond reading the bytes with its library). With several
 * result files (several runs), one table per run and then the medians over the runs; the median ratio is the median
 * of the per-run ratios. Input sizes come from generating the inputs again (they are deterministic).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.greenlight.bench.evidence.Summary result.json [more.json...]}
 */
public final class Summary {
    private Summary() {
    }

    /**
     * One run's numbers for one format: mean ms per file, the fastest and slowest iteration's ms, and the bytes
     * allocated per file when JMH's GC profiler ran ({@code -prof gc}; NaN otherwise).
     */
    record Timing(double meanMillis, double minMillis, double maxMillis, double allocatedBytes) {
    }

    record Row(Timing parser, Timing baseline) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Summary result.json [more.json...]");
            System.exit(2);
        }
        List<Map<Format, Row>> runs = new ArrayList<>();
        for (String file : args) {
            runs.add(read(Path.of(file)));
        }
        Map<Format, Long> sizes = new EnumMap<>(Format.class);
        for (Map<Format, Row> run : runs) {
            for (Format format : run.keySet()) {
                sizes.computeIfAbsent(format, f -> (long) f.generate().length);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.size() > 1) {
                out.append("Run ").append(i + 1).append(" (").append(Path.of(args[i]).getFileName()).append("):\n\n");
            }
            boolean allocation = runs.get(i).values().stream().anyMatch(row -> row.parser() != null && !Double.isNaN(row.parser().allocatedBytes()));
            out.append("| format | size MB | parser MB/s (iterations) | baseline MB/s (iterations) | ratio |")
                    .append(allocation ? " parser alloc B/byte | baseline alloc B/byte |\n" : "\n");
            out.append("|---|---:|---:|---:|---:|").append(allocation ? "---:|---:|\n" : "\n");
            for (Map.Entry<Format, Row> entry : runs.get(i).entrySet()) {
                long size = sizes.get(entry.getKey());
                Row row = entry.getValue();
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s | %s |", entry.getKey().id(), size / 1e6,
                        throughput(size, row.parser()), throughput(size, row.baseline()), ratio(size, row)));
                if (allocation) {
                    out.append(' ').append(perByte(size, row.parser())).append(" | ").append(perByte(size, row.baseline())).append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }
        if (runs.size() > 1) {
            out.append("Medians over ").append(runs.size()).append(" runs (ratio: median of the per-run ratios, with their range):\n\n");
            out.append("| format | size MB | parser MB/s | baseline MB/s | ratio | ratio range |\n");
            out.append("|---|---:|---:|---:|---:|---:|\n");
            for (Format format : sizes.keySet()) {
                long size = sizes.get(format);
                List<Double> parser = new ArrayList<>();
                List<Double> baseline = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                for (Map<Format, Row> run : runs) {
                    Row row = run.get(format);
                    if (row == null) {
                        continue;
                    }
                    if (row.parser() != null) {
                        parser.add(mbPerSecond(size, row.parser().meanMillis()));
                    }
                    if (row.baseline() != null) {
                        baseline.add(mbPerSecond(size, row.baseline().meanMillis()));
                    }
                    if (row.parser() != null && row.baseline() != null) {
                        ratios.add(row.baseline().meanMillis() / row.parser().meanMillis());
                    }
                }
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s | %s | %s |%n", format.id(), size / 1e6, number(median(parser)),
                        number(median(baseline)), ratios.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", median(ratios)),
                        ratios.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f–%.2f", min(ratios), max(ratios))));
            }
            out.append('\n');
        }
        System.out.print(out);
    }

    /** The rows of one JMH result file, in the order of {@link Format}. */
    static Map<Format, Row> read(Path file) throws IOException {
        Map<Format, Timing> parsers = new EnumMap<>(Format.class);
        Map<Format, Timing> baselines = new EnumMap<>(Format.class);
        for (Object element : (List<?>) parseJson(file)) {
            Map<?, ?> result = (Map<?, ?>) element;
            String benchmark = (String) result.get("benchmark");
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Map<?, ?> metric = (Map<?, ?>) result.get("primaryMetric");
            if (!"ms/op".equals(metric.get("scoreUnit"))) {
                throw new IllegalStateException(benchmark + " is in " + metric.get("scoreUnit") + ", not ms/op");
            }
            double min = Double.MAX_VALUE;
            double max = 0;
            for (Object fork : (List<?>) metric.get("rawData")) {
                for (Object iteration : (List<?>) fork) {
                    double value = ((Number) iteration).doubleValue();
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
            double allocated = Double.NaN;
            if (result.get("secondaryMetrics") instanceof Map<?, ?> secondary) {
                for (Map.Entry<?, ?> entry : secondary.entrySet()) {
                    if (((String) entry.getKey()).endsWith("gc.alloc.rate.norm")) {
                        allocated = ((Number) ((Map<?, ?>) entry.getValue()).get("score")).doubleValue();
                    }
                }
            }
            Timing timing = new Timing(((Number) metric.get("score")).doubleValue(), min, max, allocated);
            if (method.startsWith("baseline_")) {
                Map<?, ?> params = (Map<?, ?>) result.get("params");
                baselines.put(Format.of((String) params.get("format")), timing);
            } else {
                Format format = null;
                for (Format candidate : Format.values()) {
                    if (candidate.parseMethod().equals(method)) {
                        format = candidate;
                    }
                }
                if (format == null) {
                    throw new IllegalStateException("unknown benchmark " + benchmark);
                }
                parsers.put(format, timing);
            }
        }
        Map<Format, Row> rows = new LinkedHashMap<>();
        for (Format format : Format.values()) {
            if (parsers.containsKey(format) || baselines.containsKey(format)) {
                rows.put(format, new Row(parsers.get(format), baselines.get(format)));
            }
        }
        return rows;
    }

    private static String throughput(long size, Timing timing) {
        if (timing == null) {
            return "–";
        }
        // The slowest iteration gives the lowest throughput.
        return String.format(Locale.ROOT, "%s (%s–%s)", number(mbPerSecond(size, timing.meanMillis())),
                number(mbPerSecond(size, timing.maxMillis())), number(mbPerSecond(size, timing.minMillis())));
    }

    private static String perByte(long size, Timing timing) {
        return timing == null || Double.isNaN(timing.allocatedBytes()) ? "–" : String.format(Locale.ROOT, "%.2f", timing.allocatedBytes() / size);
    }

    private static String ratio(long size, Row row) {
        if (row.parser() == null || row.baseline() == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", row.baseline().meanMillis() / row.parser().meanMillis());
    }

    static double mbPerSecond(long bytes, double millis) {
        return bytes / 1e6 / (millis / 1000);
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** A whole JSON file as maps, lists, strings, numbers, booleans and nulls. */
    static Object parseJson(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file);
                JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), input)) {
            parser.nextToken();
            return value(parser);
        }
    }

    private static Object value(JsonParser parser) {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            default -> {
                return null;
            }
        }
    }
}
