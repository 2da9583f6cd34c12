package dev.greenlight.evidence.xml;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.TestFacts;

/**
 * JUnit XML as Surefire/Failsafe, Gradle, pytest, jest-junit, mocha and others write it: a {@code testsuites} or
 * {@code testsuite} root, suites nested to any depth. Counts come from the {@code testcase} elements, never from the
 * suites' {@code tests}/{@code failures} attributes, which real tools get wrong. A case whose last run passed after
 * failed runs (Surefire's {@code flakyFailure}/{@code flakyError}, or the same case repeated) is flaky, not failed.
 */
public final class JUnitXmlParser implements EvidenceParser {
    /** Failure messages are for a glance in a gate result; the report itself has the rest. */
    static final int MESSAGE_LENGTH = 500;
    /** A failure or error directly inside a suite (a setup failure, no test case) counts as a case of this name. */
    static final String SUITE_LEVEL_CASE = "(suite)";

    private static final Set<String> RERUNS = Set.of("flakyFailure", "flakyError", "rerunFailure", "rerunError");
    private static final Set<String> NOT_RUN_STATUSES = Set.of("notrun", "skipped", "disabled", "ignored");
    private static final Set<String> NOT_RUN_RESULTS = Set.of("skipped", "suppressed");

    @Override
    public EvidenceType type() {
        return EvidenceType.JUNIT;
    }

    @Override
    public boolean recognizes(byte[] head) {
        return XmlHead.of(head).map(xml -> xml.root().equals("testsuites") || xml.root().equals("testsuite")).orElse(false);
    }

    @Override
    public TestFacts parse(InputStream input, ParseLimits limits) {
        try (XmlCursor cursor = XmlCursor.open(input, limits, type())) {
            String root = cursor.openRoot();
            if (!root.equals("testsuites") && !root.equals("testsuite")) {
                throw cursor.problem("the root element is <" + root + ">, not <testsuites> or <testsuite>: not JUnit XML");
            }
            JUnitTally tally = new JUnitTally(limits.maxListedItems());
            Deque<String> suites = new ArrayDeque<>();
            if (root.equals("testsuite")) {
                suites.push(nameOf(cursor));
            }
            while (cursor.next()) {
                if (cursor.isEnd()) {
                    if (cursor.name().equals("testsuite")) {
                        suites.pop();
                    }
                    continue;
                }
                switch (cursor.name()) {
                    case "testsuite" -> suites.push(nameOf(cursor));
                    case "testcase" -> tally.record(readCase(cursor, innermost(suites)));
                    case "failure", "error" -> {
                        if (cursor.ancestor(1).equals("testsuite")) {
                            tally.record(readSuiteLevelProblem(cursor, innermost(suites)));
                        } else {
                            cursor.skip();
                        }
                    }
                    case "properties", "system-out", "system-err" -> cursor.skip();
                    // Anything else (testsuites inside testsuites, tool-specific wrappers) is looked through.
                    default -> { }
                }
            }
            return tally.facts();
        }
    }

    private static JUnitRun readCase(XmlCursor cursor, String suite) {
        String className = cursor.attribute("classname");
        String name = cursor.attribute("name");
        double seconds = seconds(cursor.attribute("time"));
        JUnitOutcome outcome = notRun(cursor) ? JUnitOutcome.SKIPPED : JUnitOutcome.PASSED;
        String message = null;
        boolean failedReruns = false;
        int depth = cursor.depth();
        while (cursor.nextChild(depth)) {
            JUnitOutcome result = switch (cursor.name()) {
                case "failure" -> JUnitOutcome.FAILED;
                case "error" -> JUnitOutcome.ERRORED;
                case "skipped", "disabled" -> JUnitOutcome.SKIPPED;
                default -> null;
            };
            if (result == null || result.ordinal() <= outcome.ordinal()) {
                failedReruns |= RERUNS.contains(cursor.name());
                cursor.skip();
            } else if (result.isFailure()) {
                // The worst result decides, and its message is the one worth showing.
                outcome = result;
                message = problemMessage(cursor);
            } else {
                outcome = result;
                cursor.skip();
            }
        }
        return new JUnitRun(suite, className == null || className.isEmpty() ? null : className, name == null ? "" : name,
                outcome, failedReruns, message, seconds);
    }

    private static JUnitRun readSuiteLevelProblem(XmlCursor cursor, String suite) {
        JUnitOutcome outcome = cursor.name().equals("error") ? JUnitOutcome.ERRORED : JUnitOutcome.FAILED;
        return new JUnitRun(suite, null, SUITE_LEVEL_CASE, outcome, false, problemMessage(cursor), 0);
    }

    /** The {@code message} attribute, else the element's text (jest-junit and others write only that). */
    private static @Nullable String problemMessage(XmlCursor cursor) {
        String message = ShortText.of(cursor.attribute("message"), MESSAGE_LENGTH);
        if (message != null) {
            cursor.skip();
            return message;
        }
        return ShortText.of(cursor.text(MESSAGE_LENGTH + 1), MESSAGE_LENGTH);
    }

    /** googletest and some others mark a test that did not run with attributes instead of a {@code skipped} child. */
    private static boolean notRun(XmlCursor cursor) {
        String status = cursor.attribute("status");
        String result = cursor.attribute("result");
        return status != null && NOT_RUN_STATUSES.contains(status.strip().toLowerCase(Locale.ROOT))
                || result != null && NOT_RUN_RESULTS.contains(result.strip().toLowerCase(Locale.ROOT));
    }

    private static String nameOf(XmlCursor cursor) {
        String name = cursor.attribute("name");
        return name == null ? "" : name;
    }

    private static String innermost(Deque<String> suites) {
        return suites.isEmpty() ? "" : suites.peek();
    }

    /**
     * A {@code time} attribute in seconds, read leniently: missing, empty, negative or non-numeric values are 0;
     * "1,234.5" has a thousands separator; a lone comma ("0,25", written by tools in some locales) is a decimal one.
     */
    static double seconds(@Nullable String time) {
        if (time == null) {
            return 0;
        }
        String text = time.strip();
        int commas = (int) text.chars().filter(c -> c == ',').count();
        if (commas > 0) {
            text = text.indexOf('.') >= 0 || commas > 1 ? text.replace(",", "") : text.replace(',', '.');
        }
        try {
            double seconds = Double.parseDouble(text);
            return Double.isFinite(seconds) && seconds > 0 ? seconds : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
