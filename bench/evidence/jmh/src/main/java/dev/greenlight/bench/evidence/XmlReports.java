package dev.greenlight.bench.evidence;

import static dev.greenlight.bench.evidence.Gen.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Generated JUnit, JaCoCo and Cobertura reports of a target size, shaped like the tools' own output. */
final class XmlReports {
    private XmlReports() {
    }

    /**
     * A Surefire-style aggregate: {@code testsuites} of suites with their properties, test cases with failures and
     * errors (escaped stack traces), skipped cases, flaky cases (Surefire's {@code flakyFailure}) and captured output
     * (CDATA).
     */
    static byte[] junit(int targetBytes) {
        Gen gen = new Gen(0x4a55);
        StringBuilder body = new StringBuilder(targetBytes + 65536);
        long tests = 0;
        long failures = 0;
        long errors = 0;
        long skipped = 0;
        long millis = 0;
        for (int suite = 0; body.length() < targetBytes - 200; suite++) {
            String className = "org.example." + gen.word() + "." + gen.word() + "." + gen.pascal(2) + suite + "Test";
            int cases = gen.between(3, 40);
            StringBuilder caseXml = new StringBuilder(cases * 200);
            long suiteFailures = 0;
            long suiteErrors = 0;
            long suiteSkipped = 0;
            long suiteMillis = 0;
            for (int i = 0; i < cases; i++) {
                int caseMillis = gen.chance(0.9) ? gen.between(0, 40) : gen.between(40, 4000);
                suiteMillis += caseMillis;
                String name = gen.camel(3) + (gen.chance(0.15) ? "(String)[" + (i % 5 + 1) + "]" : "_" + i);
                caseXml.append("    <testcase name=\"").append(xml(name)).append("\" classname=\"").append(className)
                        .append("\" time=\"").append(seconds(caseMillis)).append('"');
                double outcome = gen.fraction();
                if (outcome < 0.91) {
                    if (gen.chance(0.05)) {
                        caseXml.append(">\n      <system-out><![CDATA[").append(logLines(gen, gen.between(2, 12))).append("]]></system-out>\n    </testcase>\n");
                    } else {
                        caseXml.append("/>\n");
                    }
                } else if (outcome < 0.94) {
                    suiteSkipped++;
                    caseXml.append(">\n      <skipped message=\"").append(gen.pick("disabled on CI", "flaky on Windows", "needs Docker"))
                            .append("\"/>\n    </testcase>\n");
                } else if (outcome < 0.975) {
                    suiteFailures++;
                    int expected = gen.between(1, 99);
                    String message = "expected: <" + expected + "> but was: <" + (expected + 1) + ">";
                    caseXml.append(">\n      <failure message=\"").append(xml(message)).append("\" type=\"org.opentest4j.AssertionFailedError\">")
                            .append(xml(gen.stackTrace("org.opentest4j.AssertionFailedError", message, className)))
                            .append("</failure>\n");
                    if (gen.chance(0.3)) {
                        caseXml.append("      <system-out><![CDATA[").append(logLines(gen, gen.between(3, 20))).append("]]></system-out>\n");
                    }
                    caseXml.append("    </testcase>\n");
                } else if (outcome < 0.985) {
                    suiteErrors++;
                    String message = "Cannot invoke \"String.length()\" because \"" + gen.word() + "\" is null";
                    caseXml.append(">\n      <error message=\"").append(xml(message)).append("\" type=\"java.lang.NullPointerException\">")
                            .append(xml(gen.stackTrace("java.lang.NullPointerException", message, className))).append("</error>\n    </testcase>\n");
                } else {
                    // Flaky: failed, then passed on a rerun.
                    String message = "Timed out after " + gen.between(1, 30) + " seconds";
                    caseXml.append(">\n      <flakyFailure message=\"").append(message).append("\" type=\"java.util.concurrent.TimeoutException\">\n")
                            .append("        <stackTrace>").append(xml(gen.stackTrace("java.util.concurrent.TimeoutException", message, className)))
                            .append("</stackTrace>\n        <system-out><![CDATA[").append(logLines(gen, 4))
                            .append("]]></system-out>\n      </flakyFailure>\n    </testcase>\n");
                }
            }
            tests += cases;
            failures += suiteFailures;
            errors += suiteErrors;
            skipped += suiteSkipped;
            millis += suiteMillis;
            body.append("  <testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"").append(className)
                    .append("\" time=\"").append(seconds(suiteMillis)).append("\" tests=\"").append(cases).append("\" errors=\"")
                    .append(suiteErrors).append("\" skipped=\"").append(suiteSkipped).append("\" failures=\"").append(suiteFailures)
                    .append("\" timestamp=\"2024-05-01T12:").append(two(suite / 60 % 60)).append(':').append(two(suite % 60))
                    .append("\" hostname=\"ci-runner-").append(suite % 8).append("\">\n");
            body.append("    <properties>\n");
            for (String[] property : PROPERTIES) {
                body.append("      <property name=\"").append(property[0]).append("\" value=\"").append(property[1]).append("\"/>\n");
            }
            body.append("    </properties>\n").append(caseXml);
            if (gen.chance(0.2)) {
                body.append("    <system-out><![CDATA[").append(logLines(gen, gen.between(5, 30))).append("]]></system-out>\n");
            }
            body.append("  </testsuite>\n");
        }
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"greenlight-bench\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\" time=\"" + seconds(millis) + "\">\n";
        return (head + body + "</testsuites>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final String[][] PROPERTIES = {
        {"java.runtime.name", "OpenJDK Runtime Environment"}, {"java.vm.version", "21.0.3+9-LTS"},
        {"java.vm.vendor", "Eclipse Adoptium"}, {"os.name", "Linux"}, {"os.arch", "amd64"}, {"os.version", "6.5.0-1022-azure"},
        {"user.dir", "/home/runner/work/app/app"}, {"user.timezone", "UTC"}, {"file.encoding", "UTF-8"},
        {"surefire.test.class.path", "/home/runner/work/app/app/target/test-classes:/home/runner/work/app/app/target/classes"},
        {"maven.repo.local", "/home/runner/.m2/repository"}, {"basedir", "/home/runner/work/app/app"},
        {"java.specification.version", "21"}, {"sun.jnu.encoding", "UTF-8"}, {"line.separator", "&#10;"},
    };

    private static String logLines(Gen gen, int lines) {
        StringBuilder log = new StringBuilder(lines * 90);
        for (int i = 0; i < lines; i++) {
            log.append("12:00:").append(two(i % 60)).append('.').append(gen.between(100, 999)).append(" [main] ")
                    .append(gen.pick("INFO ", "DEBUG", "WARN ")).append(" o.e.").append(gen.pascal(2)).append(" - ")
                    .append(gen.sentence(gen.between(4, 10))).append(" id=").append(gen.between(1, 99999)).append('\n');
        }
        return log.toString();
    }

    /**
     * A JaCoCo report as JaCoCo writes it (one line, its DOCTYPE, counters on methods, classes, source files, packages
     * and the report), with consistent counts: every higher counter is the sum of the lower ones.
     */
    static byte[] jacoco(int targetBytes) {
        Gen gen = new Gen(0x1ac0c0);
        StringBuilder out = new StringBuilder(targetBytes + 65536);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" ")
                .append("\"report.dtd\"><report name=\"greenlight\"><sessioninfo id=\"ci-runner-7-5b2f01d2\" start=\"1714560000000\" ")
                .append("dump=\"1714560123456\"/>");
        long[] report = new long[COUNTERS.length * 2];
        for (int packageIndex = 0; out.length() < targetBytes - 2000; packageIndex++) {
            String packageName = "org/example/" + gen.word() + packageIndex + "/" + gen.word();
            out.append("<package name=\"").append(packageName).append("\">");
            long[] packageCounters = new long[COUNTERS.length * 2];
            int classes = gen.between(2, 14);
            List<String> sourceFiles = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                String simpleName = gen.pascal(2) + c;
                long[] classCounters = new long[COUNTERS.length * 2];
                StringBuilder lines = new StringBuilder();
                out.append("<class name=\"").append(packageName).append('/').append(simpleName).append("\" sourcefilename=\"")
                        .append(simpleName).append(".java\">");
                int line = gen.between(8, 30);
                int methods = gen.between(2, 18);
                boolean classCovered = false;
                for (int m = 0; m < methods; m++) {
                    long[] method = new long[COUNTERS.length * 2];
                    boolean reached = gen.chance(0.8);
                    int methodLines = gen.between(1, 14);
                    out.append("<method name=\"").append(m == 0 ? "&lt;init&gt;" : gen.camel(2)).append("\" desc=\"")
                            .append(m == 0 ? "()V" : "(Ljava/lang/String;I)Ljava/util/List;").append("\" line=\"").append(line).append("\">");
                    for (int l = 0; l < methodLines; l++, line++) {
                        int instructions = gen.between(2, 14);
                        int covered = reached ? (gen.chance(0.85) ? instructions : gen.between(0, instructions)) : 0;
                        int branches = gen.chance(0.2) ? 2 * gen.between(1, 2) : 0;
                        int coveredBranches = reached && branches > 0 ? gen.between(0, branches) : 0;
                        lines.append("<line nr=\"").append(line).append("\" mi=\"").append(instructions - covered).append("\" ci=\"")
                                .append(covered).append("\" mb=\"").append(branches - coveredBranches).append("\" cb=\"")
                                .append(coveredBranches).append("\"/>");
                        add(method, 0, instructions - covered, covered);
                        add(method, 1, branches - coveredBranches, coveredBranches);
                        add(method, 2, covered == 0 ? 1 : 0, covered == 0 ? 0 : 1);
                    }
                    int complexity = 1 + (int) ((method[2] + method[3]) / 2);
                    add(method, 3, reached ? 0 : complexity, reached ? complexity : 0);
                    add(method, 4, reached ? 0 : 1, reached ? 1 : 0);
                    classCovered |= reached;
                    counters(out, method, 5);
                    out.append("</method>");
                    addAll(classCounters, method);
                    line += gen.between(1, 4);
                }
                add(classCounters, 5, classCovered ? 0 : 1, classCovered ? 1 : 0);
                counters(out, classCounters, 6);
                out.append("</class>");
                addAll(packageCounters, classCounters);
                StringBuilder sourceFile = new StringBuilder().append("<sourcefile name=\"").append(simpleName).append(".java\">")
                        .append(lines);
                counters(sourceFile, classCounters, 6);
                sourceFiles.add(sourceFile.append("</sourcefile>").toString());
            }
            sourceFiles.forEach(out::append);
            counters(out, packageCounters, 6);
            out.append("</package>");
            addAll(report, packageCounters);
        }
        counters(out, report, 6);
        return out.append("</report>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] COUNTERS = {"INSTRUCTION", "BRANCH", "LINE", "COMPLEXITY", "METHOD", "CLASS"};

    private static void add(long[] counters, int type, long missed, long covered) {
        counters[2 * type] += missed;
        counters[2 * type + 1] += covered;
    }

    private static void addAll(long[] into, long[] counters) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counters[i];
        }
    }

    /** The first {@code types} counters, leaving out the empty ones as JaCoCo does (a method without branches). */
    private static void counters(StringBuilder out, long[] counters, int types) {
        for (int type = 0; type < types; type++) {
            long missed = counters[2 * type];
            long covered = counters[2 * type + 1];
            if (missed + covered > 0) {
                out.append("<counter type=\"").append(COUNTERS[type]).append("\" missed=\"").append(missed).append("\" covered=\"")
                        .append(covered).append("\"/>");
            }
        }
    }

    /**
     * A Cobertura report as the Cobertura Maven plugin (and ReportGenerator) write it: tab-indented, classes with their
     * methods' lines and again all their lines, branch lines with condition-coverage and conditions.
     */
    static byte[] cobertura(int targetBytes) {
        Gen gen = new Gen(0xc0be);
        StringBuilder body = new StringBuilder(targetBytes + 65536);
        long linesValid = 0;
        long linesCovered = 0;
        long branchesValid = 0;
        long branchesCovered = 0;
        for (int packageIndex = 0; body.length() < targetBytes - 2000; packageIndex++) {
            String packageName = "org.example." + gen.word() + packageIndex + "." + gen.word();
            StringBuilder classes = new StringBuilder();
            long packageLines = 0;
            long packageCovered = 0;
            int classCount = gen.between(2, 12);
            for (int c = 0; c < classCount; c++) {
                String simpleName = gen.pascal(2) + c;
                StringBuilder methods = new StringBuilder();
                StringBuilder classLines = new StringBuilder();
                long lines = 0;
                long covered = 0;
                long branches = 0;
                long coveredBranches = 0;
                int line = gen.between(8, 30);
                int methodCount = gen.between(2, 16);
                for (int m = 0; m < methodCount; m++) {
                    boolean reached = gen.chance(0.8);
                    StringBuilder methodLines = new StringBuilder();
                    int count = gen.between(1, 12);
                    for (int l = 0; l < count; l++, line++) {
                        int hits = reached && gen.chance(0.9) ? gen.between(1, 500) : 0;
                        lines++;
                        covered += hits > 0 ? 1 : 0;
                        String lineXml;
                        if (gen.chance(0.15)) {
                            int total = 2 * gen.between(1, 2);
                            int taken = hits > 0 ? gen.between(0, total) : 0;
                            branches += total;
                            coveredBranches += taken;
                            int percent = taken * 100 / total;
                            StringBuilder conditionXml = new StringBuilder().append("\t\t\t\t\t\t\t<line number=\"").append(line)
                                    .append("\" hits=\"").append(hits).append("\" branch=\"true\" condition-coverage=\"").append(percent)
                                    .append("% (").append(taken).append('/').append(total).append(")\">\n\t\t\t\t\t\t\t\t<conditions>\n")
                                    .append("\t\t\t\t\t\t\t\t\t<condition number=\"0\" type=\"jump\" coverage=\"").append(percent)
                                    .append("%\"/>\n\t\t\t\t\t\t\t\t</conditions>\n\t\t\t\t\t\t\t</line>\n");
                            lineXml = conditionXml.toString();
                        } else {
                            lineXml = "\t\t\t\t\t\t\t<line number=\"" + line + "\" hits=\"" + hits + "\" branch=\"false\"/>\n";
                        }
                        methodLines.append('\t').append(lineXml.replace("\n\t", "\n\t\t"));
                        classLines.append(lineXml);
                    }
                    methods.append("\t\t\t\t\t\t<method name=\"").append(m == 0 ? "&lt;init&gt;" : gen.camel(2))
                            .append("\" signature=\"(Ljava/lang/String;)V\" line-rate=\"").append(reached ? "1.0" : "0.0")
                            .append("\" branch-rate=\"1.0\" complexity=\"").append(gen.between(1, 6)).append("\">\n\t\t\t\t\t\t\t<lines>\n")
                            .append(methodLines).append("\t\t\t\t\t\t\t</lines>\n\t\t\t\t\t\t</method>\n");
                    line += gen.between(1, 4);
                }
                classes.append("\t\t\t\t<class name=\"").append(packageName).append('.').append(simpleName).append("\" filename=\"")
                        .append(packageName.replace('.', '/')).append('/').append(simpleName).append(".java\" line-rate=\"")
                        .append(rate(covered, lines)).append("\" branch-rate=\"").append(rate(coveredBranches, branches))
                        .append("\" complexity=\"").append(gen.between(1, 30)).append("\">\n\t\t\t\t\t<methods>\n").append(methods)
                        .append("\t\t\t\t\t</methods>\n\t\t\t\t\t<lines>\n").append(classLines).append("\t\t\t\t\t</lines>\n\t\t\t\t</class>\n");
                packageLines += lines;
                packageCovered += covered;
                linesValid += lines;
                linesCovered += covered;
                branchesValid += branches;
                branchesCovered += coveredBranches;
            }
            body.append("\t\t<package name=\"").append(packageName).append("\" line-rate=\"").append(rate(packageCovered, packageLines))
                    .append("\" branch-rate=\"0.5\" complexity=\"2.5\">\n\t\t\t<classes>\n").append(classes)
                    .append("\t\t\t</classes>\n\t\t</package>\n");
        }
        String head = "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">\n\n"
                + "<coverage line-rate=\"" + rate(linesCovered, linesValid) + "\" branch-rate=\"" + rate(branchesCovered, branchesValid)
                + "\" lines-covered=\"" + linesCovered + "\" lines-valid=\"" + linesValid + "\" branches-covered=\"" + branchesCovered
                + "\" branches-valid=\"" + branchesValid + "\" complexity=\"0\" version=\"2.1.1\" timestamp=\"1714560000000\">\n"
                + "\t<sources>\n\t\t<source>/home/runner/work/app/app/src/main/java</source>\n\t</sources>\n\t<packages>\n";
        return (head + body + "\t</packages>\n</coverage>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String rate(long covered, long total) {
        return total == 0 ? "1.0" : String.valueOf(Math.round(covered * 10000.0 / total) / 10000.0);
    }

    static String seconds(long millis) {
        return millis / 1000 + "." + (millis % 1000 < 100 ? millis % 1000 < 10 ? "00" : "0" : "") + millis % 1000;
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }
}
