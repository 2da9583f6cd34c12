package dev.greenlight.evidence.xml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;

/**
 * JaCoCo's XML report. Its DOCTYPE names {@code report.dtd}, which JaCoCo never ships: the parser never fetches it.
 * Overall coverage is the report's own LINE and BRANCH counters (the sum of the source files' counters when a report
 * lacks them); each {@code sourcefile} gives a file, its path the package name and the file name.
 */
public final class JacocoXmlParser implements EvidenceParser {

    @Override
    public EvidenceType type() {
        return EvidenceType.JACOCO;
    }

    @Override
    public boolean recognizes(byte[] head) {
        return XmlHead.of(head).map(xml -> xml.root().equals("report")
                && (xml.doctypeMentions("-//JACOCO//") || xml.firstChildIsOneOf("sessioninfo", "group", "package", "counter")))
                .orElse(false);
    }

    @Override
    public CoverageFacts parse(InputStream input, ParseLimits limits) {
        try (XmlCursor cursor = XmlCursor.open(input, limits, type())) {
            String root = cursor.openRoot();
            if (!root.equals("report")) {
                throw cursor.problem("the root element is <" + root + ">, not <report>: not a JaCoCo report");
            }
            CounterPair report = new CounterPair();
            CounterPair sumOfFiles = new CounterPair();
            List<FileCoverage> files = new ArrayList<>();
            boolean filesTruncated = false;
            String packageName = "";
            while (cursor.next()) {
                if (cursor.isEnd()) {
                    continue;
                }
                switch (cursor.name()) {
                    case "package" -> packageName = nameOf(cursor);
                    case "sourcefile" -> {
                        FileCoverage file = readSourceFile(cursor, packageName);
                        sumOfFiles.add(file.lines(), file.branches());
                        if (files.size() < limits.maxListedItems()) {
                            files.add(file);
                        } else {
                            filesTruncated = true;
                        }
                    }
                    case "counter" -> {
                        if (cursor.depth() == 2) {
                            report.read(cursor);
                        }
                    }
                    // Classes and methods repeat what the source files say; session data says nothing about coverage.
                    case "class", "sessioninfo" -> cursor.skip();
                    default -> { }
                }
            }
            CounterPair overall = report.isEmpty() ? sumOfFiles : report;
            return new CoverageFacts(overall.lines(), overall.branches(), files, filesTruncated);
        }
    }

    private static FileCoverage readSourceFile(XmlCursor cursor, String packageName) {
        String fileName = nameOf(cursor);
        String path = packageName.isEmpty() ? fileName : packageName + "/" + fileName;
        CounterPair counters = new CounterPair();
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            if (cursor.name().equals("counter")) {
                counters.read(cursor);
            }
            cursor.skip();
        }
        return new FileCoverage(path, counters.lines(), counters.branches());
    }

    private static String nameOf(XmlCursor cursor) {
        String name = cursor.attribute("name");
        return name == null ? "" : name;
    }

    /** The LINE and BRANCH counters of one element; other counter types (INSTRUCTION, COMPLEXITY...) are not facts. */
    private static final class CounterPair {
        private @Nullable Counter lines;
        private @Nullable Counter branches;

        void read(XmlCursor cursor) {
            String type = cursor.attribute("type");
            if ("LINE".equals(type)) {
                lines = counter(cursor);
            } else if ("BRANCH".equals(type)) {
                branches = counter(cursor);
            }
        }

        void add(Counter moreLines, Counter moreBranches) {
            lines = sum(lines(), moreLines);
            branches = sum(branches(), moreBranches);
        }

        boolean isEmpty() {
            return lines == null && branches == null;
        }

        Counter lines() {
            return lines == null ? new Counter(0, 0) : lines;
        }

        Counter branches() {
            return branches == null ? new Counter(0, 0) : branches;
        }

        /** Saturating, so that neither count nor their total (the coverage ratio's denominator) wraps negative. */
        private static Counter sum(Counter first, Counter second) {
            long covered = saturatedSum(first.covered(), second.covered());
            return new Counter(covered, Math.min(saturatedSum(first.missed(), second.missed()), Long.MAX_VALUE - covered));
        }

        /** Counts from a hostile file could overflow; a count that big is wrong anyway, but must not wrap negative. */
        private static long saturatedSum(long first, long second) {
            long sum = first + second;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }

        private static Counter counter(XmlCursor cursor) {
            long covered = count(cursor, "covered");
            long missed = count(cursor, "missed");
            if (missed > Long.MAX_VALUE - covered) {
                throw cursor.problem("a <counter>'s 'covered' and 'missed' counts add up to more than " + Long.MAX_VALUE);
            }
            return new Counter(covered, missed);
        }

        private static long count(XmlCursor cursor, String attribute) {
            String value = cursor.attribute(attribute);
            try {
                long count = Long.parseLong(value == null ? "" : value.strip());
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // Reported below with where it is.
            }
            throw cursor.problem("a <counter> needs a whole, non-negative '" + attribute + "' count, not " + ShortText.quoted(value));
        }
    }
}
