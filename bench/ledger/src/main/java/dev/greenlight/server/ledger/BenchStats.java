package dev.greenlight.server.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/** Summaries of repeated measurements: the median with the smallest and largest value, and latency percentiles. */
final class BenchStats {
    private BenchStats() {
    }

    /** A value measured several times: median and spread. */
    record Repeated(List<Double> values) {
        Repeated {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no values");
            }
        }

        double median() {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }

        /** "median (min–max)" with the given format for each number. */
        String format(String number) {
            return String.format(Locale.ROOT, number + " (" + number + "–" + number + ")", median(), min(), max());
        }
    }

    static Repeated repeated(List<Double> values) {
        return new Repeated(values);
    }

    /** A histogram of durations in microseconds, up to one hour, three significant digits. */
    static Histogram microsecondHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    static double millis(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The load average over the last minute, from /proc/loadavg, or -1 where there is none. */
    static double loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Double.parseDouble(fields[0]);
        } catch (Exception unavailable) {
            return -1;
        }
    }

    static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
