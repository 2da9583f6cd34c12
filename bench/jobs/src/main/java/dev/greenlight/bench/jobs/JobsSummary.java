package dev.greenlight.bench.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Appends the median (and min–max) over the runs of every metric in OUT_FILE.tsv to OUT_FILE. Usage: {@code JobsSummary OUT_FILE}. */
public final class JobsSummary {
    private JobsSummary() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            values.computeIfAbsent(fields[1], name -> new ArrayList<>()).add(Double.parseDouble(fields[2]));
        }
        StringBuilder summary = new StringBuilder("\n| metric | median | min–max | runs |\n|---|---:|---:|---:|\n");
        values.forEach((name, runs) -> {
            List<Double> sorted = runs.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            String format = name.endsWith("ms") ? "%.1f" : "%,.0f";
            summary.append(String.format(Locale.ROOT, "| %s | " + format + " | " + format + "–" + format + " | %d |%n", name, median,
                    sorted.getFirst(), sorted.getLast(), sorted.size()));
        });
        Files.writeString(out, summary, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        System.out.print(summary);
    }
}
