package dev.greenlight.evidence.xml;

import java.io.InputStream;

import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.TestFacts;

/**
 * Parses a generated report far larger than the heap it is given and prints its counts; {@link LargeReportsTest} runs
 * it in a JVM with a small {@code -Xmx}. Arguments: {@code junit|cyclonedx} and the number of items.
 */
public final class LargeReportProbe {
    /** Few listed items: the facts stay small, so only streaming can keep the heap small. */
    private static final ParseLimits LIMITS = new ParseLimits(200, 10 * 1024 * 1024, 1L << 40, 200, 100);

    private LargeReportProbe() {
    }

    public static void main(String[] arguments) {
        int count = Integer.parseInt(arguments[1]);
        switch (arguments[0]) {
            case "junit" -> {
                TestFacts facts = new JUnitXmlParser().parse(junit(count), LIMITS);
                System.out.println("total=" + facts.total() + " failed=" + facts.failed() + " flaky=" + facts.flaky());
            }
            case "cyclonedx" -> {
                SbomFacts facts = new CycloneDxXmlParser().parse(cycloneDx(count), LIMITS);
                System.out.println("components=" + facts.componentCount() + " dependencies=" + facts.dependencyCount());
            }
            default -> throw new IllegalArgumentException("junit or cyclonedx, not " + arguments[0]);
        }
    }

    /** Some 400 bytes of captured output per test case, as verbose tests write. */
    private static final String LOG = "<system-out><![CDATA[" + "12:00:00.000 INFO  [main] o.e.Service - handled request &lt;ok&gt;\n".repeat(6)
            + "]]></system-out>";

    /** Test cases in suites of 100; every 1000th fails, and every 1000th (another) is repeated after a failure. */
    static InputStream junit(int count) {
        return new GeneratedDocument("<?xml version=\"1.0\" encoding=\"UTF-8\"?><testsuites>", i -> {
            String suite = i % 100 == 0 ? (i == 0 ? "" : "</testsuite>") + "<testsuite name=\"org.example.Suite" + i / 100 + "\" tests=\"100\">" : "";
            String testCase = "<testcase classname=\"org.example.Suite" + i / 100 + "\" name=\"behavesCorrectlyInCase" + i + "\" time=\"0.00" + i % 10 + "\"";
            if (i % 1000 == 1) {
                return suite + testCase + "><failure message=\"expected &lt;1&gt; but was &lt;2&gt;\">at org.example.Suite.test(Suite.java:" + i
                        + ")</failure>" + LOG + "</testcase>";
            }
            if (i % 1000 == 2) {
                return suite + testCase + "><failure message=\"flaky\"/></testcase>" + testCase + "/>";
            }
            return suite + testCase + ">" + LOG + "</testcase>";
        }, count, "</testsuite></testsuites>");
    }

    /** Components with a license each, and one dependency relation per component. */
    static InputStream cycloneDx(int count) {
        StringBuilder dependencies = new StringBuilder("</components><dependencies>");
        return new GeneratedDocument("<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components>",
                i -> "<component type=\"library\" bom-ref=\"pkg:npm/package-" + i + "@1.0." + i + "\"><name>package-" + i + "</name><version>1.0." + i
                        + "</version><licenses><license><id>" + (i % 2 == 0 ? "MIT" : "Apache-2.0") + "</id></license></licenses><purl>pkg:npm/package-"
                        + i + "@1.0." + i + "</purl></component>",
                count, dependencies.append("<dependency ref=\"root\"><dependency ref=\"pkg:npm/package-0@1.0.0\"/></dependency></dependencies></bom>").toString());
    }
}
