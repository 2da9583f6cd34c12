package dev.greenlight.cli.output;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows under a header, each column as wide as its widest cell, separated by two spaces. */
public final class Table {
    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public static Table withColumns(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table has at least one column");
        }
        return new Table(Arrays.asList(headers));
    }

    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(cell -> Cells.clean(requireNonNull(cell, "cell is null"))).toList());
        return this;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        measure(headers, widths);
        rows.forEach(row -> measure(row, widths));
        printLine(out, headers, widths);
        rows.forEach(row -> printLine(out, row, widths));
    }

    private static void measure(List<String> cells, int[] widths) {
        for (int column = 0; column < cells.size(); column++) {
            widths[column] = Math.max(widths[column], cells.get(column).length());
        }
    }

    private static void printLine(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(cell);
            // No padding after the last column: trailing spaces are noise in pipes and diffs.
            if (column < cells.size() - 1) {
                line.append(" ".repeat(widths[column] - cell.length())).append(GAP);
            }
        }
        out.println(line);
    }
}
