package dev.greenlight.server.ledger;

import static dev.greenlight.server.ledger.BenchStats.f;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.DoubleHistogram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JMH sample-time JSON result into a Markdown table: JMH's own p50/p99 over all iterations, and the spread of
 * p50 and p99 between the measurement iterations (from JMH's raw histograms).
 *
 * <p>Usage: {@code JmhSummary <jmh.json> <log-size> <results.md>}
 */
public final class JmhSummary {
    private JmhSummary() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode results = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
        StringBuilder out = new StringBuilder();
        out.append(f("%n### JMH: inclusion-proof generation at %,d entries%n%n", Long.parseLong(args[1])));
        out.append("Forked JVM, embedded PostgreSQL of the data directory alone, sample mode; p50/p99 over all measurement iterations "
                + "(JMH), and in brackets the min–max of the per-iteration values.\n\n");
        out.append("| benchmark | samples | p50 ms | p99 ms | p99.9 ms |\n|---|---:|---:|---:|---:|\n");
        for (JsonNode result : results) {
            JsonNode metric = result.get("primaryMetric");
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            long samples = 0;
            for (JsonNode fork : metric.get("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    DoubleHistogram histogram = new DoubleHistogram(3);
                    for (JsonNode bucket : iteration) {
                        histogram.recordValueWithCount(bucket.get(0).asDouble(), bucket.get(1).asLong());
                    }
                    samples += histogram.getTotalCount();
                    p50.add(histogram.getValueAtPercentile(50) / 1000);
                    p99.add(histogram.getValueAtPercentile(99) / 1000);
                }
            }
            JsonNode percentiles = metric.get("scorePercentiles");
            String name = result.get("benchmark").asString().replaceAll(".*\\.", "");
            out.append(f("| %s | %,d | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) | %.3f |%n", name, samples,
                    percentiles.get("50.0").asDouble() / 1000, BenchStats.repeated(p50).min(), BenchStats.repeated(p50).max(),
                    percentiles.get("99.0").asDouble() / 1000, BenchStats.repeated(p99).min(), BenchStats.repeated(p99).max(),
                    percentiles.get("99.9").asDouble() / 1000));
        }
        System.out.print(out);
        Files.writeString(Path.of(args[2]), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
