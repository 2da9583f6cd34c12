package dev.greenlight.evidence.xml;

import static dev.greenlight.evidence.xml.Fixtures.stream;
import static dev.greenlight.evidence.xml.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.TestFacts.TestCase;

class JUnitXmlParserTest {
    private final JUnitXmlParser parser = new JUnitXmlParser();

    private TestFacts parse(InputStream input) {
        return parser.parse(input, ParseLimits.DEFAULT);
    }

    @Test
    void surefireRerunsThatPassedAreFlakyAndThoseThatNeverPassedStayFailed() {
        TestFacts facts = parse(stream("xml/junit/surefire-reruns.xml"));

        assertThat(facts.total()).isEqualTo(6);
        assertThat(facts.passed()).isEqualTo(3);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.errors()).isEqualTo(1);
        assertThat(facts.skipped()).isEqualTo(1);
        assertThat(facts.flaky()).isEqualTo(2);
        assertThat(facts.flakyTests()).extracting(TestCase::id)
                .containsExactly("com.example.CheckoutTest.chargesCard", "com.example.CheckoutTest.sendsReceipt");
        assertThat(facts.failedTests()).extracting(TestCase::id, TestCase::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("com.example.CheckoutTest.refundsOrder", "refund total was 0.00"),
                org.assertj.core.groups.Tuple.tuple("com.example.CheckoutTest.locksInventory", "Lock wait timeout exceeded"));
        assertThat(facts.durationSeconds()).isCloseTo(1.186, within(1e-9));
    }

    @Test
    void gradleRetriedTestCountsOnceWithItsLastRun() {
        TestFacts facts = parse(stream("xml/junit/gradle-test-retry.xml"));

        assertThat(facts.total()).isEqualTo(3);
        assertThat(facts.passed()).isEqualTo(2);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.flaky()).isEqualTo(1);
        assertThat(facts.flakyTests()).extracting(TestCase::name).containsExactly("findsByPrefix()");
        assertThat(facts.failedTests()).extracting(TestCase::message).containsExactly("java.lang.IllegalStateException: index still not ready");
        assertThat(facts.durationSeconds()).as("every run took time").isCloseTo(2.5, within(1e-9));
    }

    @Test
    void countsComeFromTheTestCasesNotFromHeadersThatDisagree() {
        TestFacts facts = parse(stream("xml/junit/pytest.xml"));

        assertThat(facts.total()).isEqualTo(5);
        assertThat(facts.passed()).isEqualTo(2);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.errors()).isEqualTo(1);
        assertThat(facts.skipped()).isEqualTo(1);
        assertThat(facts.failedTests()).extracting(TestCase::id).containsExactly("tests.test_api.test_login[guest]", "tests.test_db.test_migrate");
        assertThat(facts.failedTests().get(1).message()).isEqualTo("failed on setup with \"psycopg.OperationalError: connection refused\"");
    }

    @Test
    void jestFailureWithoutMessageAttributeUsesItsText() {
        TestFacts facts = parse(stream("xml/junit/jest-junit.xml"));

        assertThat(facts.total()).isEqualTo(4);
        assertThat(facts.passed()).isEqualTo(2);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.skipped()).isEqualTo(1);
        assertThat(facts.failedTests().getFirst().message()).startsWith("Error: expect(received).toBe(expected)").contains("Received: 100");
    }

    @Test
    void testWithEmptyClassNameIsIdentifiedBySuiteAndName() {
        TestFacts facts = parse(utf8("""
                <testsuites>
                  <testsuite name="widget.test.js"><testcase classname="" name="renders"><failure message="boom"/></testcase></testsuite>
                </testsuites>
                """));

        TestCase failed = facts.failedTests().getFirst();
        assertThat(failed.className()).isNull();
        assertThat(failed.id()).isEqualTo("widget.test.js/renders");
    }

    @Test
    void mochaEmptyRootSuiteAndEmptyTimeAreHarmless() {
        TestFacts facts = parse(stream("xml/junit/mocha.xml"));

        assertThat(facts.total()).isEqualTo(3);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.failedTests().getFirst().message()).isEqualTo("expected 1 to equal 2");
        assertThat(facts.durationSeconds()).isCloseTo(0.003, within(1e-9));
    }

    @Test
    void nestedSuitesAreReadToAnyDepthAndASuiteLevelErrorCountsAsACase() {
        TestFacts facts = parse(stream("xml/junit/nested-suites.xml"));

        assertThat(facts.total()).isEqualTo(3);
        assertThat(facts.passed()).isEqualTo(1);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.errors()).isEqualTo(1);
        assertThat(facts.failedTests()).extracting(TestCase::id)
                .containsExactly("integration.storage.s3/(suite)", "integration.QueueTest.deliversOnce");
        assertThat(facts.failedTests().getFirst().message()).isEqualTo("bucket fixture could not be created");
    }

    @Test
    void googletestNotRunAndSkippedResultsCountAsSkipped() {
        TestFacts facts = parse(stream("xml/junit/googletest.xml"));

        assertThat(facts.total()).isEqualTo(4);
        assertThat(facts.passed()).isEqualTo(1);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.skipped()).isEqualTo(2);
    }

    @Test
    void singleTestsuiteRootIsTheSuiteOfItsCases() {
        TestFacts facts = parse(utf8("""
                <?xml version="1.0"?>
                <testsuite name="Smoke"><testcase name="boots"><error message="no config"/></testcase></testsuite>"""));

        assertThat(facts.failedTests()).extracting(TestCase::id).containsExactly("Smoke/boots");
    }

    @Test
    void theWorstResultOfACaseDecidesAndGivesTheMessage() {
        TestFacts facts = parse(utf8("""
                <testsuites><testsuite name="s">
                  <testcase classname="C" name="all three"><skipped/><failure message="assertion"/><error message="teardown"/></testcase>
                  <testcase classname="C" name="skipped then failed"><skipped/><failure message="assertion"/></testcase>
                  <testcase classname="C" name="disabled"><disabled/></testcase>
                </testsuite></testsuites>
                """));

        assertThat(facts.errors()).isEqualTo(1);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.skipped()).isEqualTo(1);
        assertThat(facts.failedTests()).extracting(TestCase::message).containsExactly("teardown", "assertion");
    }

    @Test
    void aRerunFailureAloneMeansTheLastRunPassed() {
        TestFacts facts = parse(utf8("""
                <testsuite name="s"><testcase classname="C" name="t"><rerunFailure message="first try"/></testcase></testsuite>"""));

        assertThat(facts.passed()).isEqualTo(1);
        assertThat(facts.flaky()).isEqualTo(1);
        assertThat(facts.failed()).isZero();
    }

    @Test
    void aTestThatPassedThenFailedOnARepeatIsFailedNotFlaky() {
        TestFacts facts = parse(utf8("""
                <testsuites>
                  <testsuite name="first"><testcase classname="C" name="t"/></testsuite>
                  <testsuite name="second"><testcase classname="C" name="t"><failure message="now broken"/></testcase></testsuite>
                </testsuites>"""));

        assertThat(facts.total()).isEqualTo(1);
        assertThat(facts.failed()).isEqualTo(1);
        assertThat(facts.passed()).isZero();
        assertThat(facts.flaky()).isZero();
        assertThat(facts.failedTests()).extracting(TestCase::message).containsExactly("now broken");
    }

    @Test
    void aFlakyTestRepeatedAgainStaysCountedOnce() {
        TestFacts facts = parse(utf8("""
                <testsuite name="s">
                  <testcase classname="C" name="t"><failure/></testcase>
                  <testcase classname="C" name="t"/>
                  <testcase classname="C" name="t"/>
                </testsuite>"""));

        assertThat(facts.total()).isEqualTo(1);
        assertThat(facts.passed()).isEqualTo(1);
        assertThat(facts.flaky()).isEqualTo(1);
        assertThat(facts.flakyTests()).hasSize(1);
    }

    @Test
    void longFailureMessagesAreShortened() {
        TestFacts facts = parse(utf8("<testsuite name=\"s\"><testcase name=\"t\"><failure message=\"" + "x".repeat(5000) + "\"/></testcase></testsuite>"));

        assertThat(facts.failedTests().getFirst().message()).hasSize(JUnitXmlParser.MESSAGE_LENGTH).endsWith("…");
    }

    @Test
    void failedTestsAreListedUpToTheLimitAndStillCounted() {
        StringBuilder report = new StringBuilder("<testsuite name=\"s\">");
        for (int i = 0; i < 5; i++) {
            report.append("<testcase classname=\"C\" name=\"t").append(i).append("\"><failure/></testcase>");
        }
        report.append("</testsuite>");

        TestFacts facts = parser.parse(utf8(report.toString()), new ParseLimits(200, 1000, 1000, 10, 2));

        assertThat(facts.failed()).isEqualTo(5);
        assertThat(facts.failedTests()).hasSize(2);
        assertThat(facts.failedTestsTruncated()).isTrue();
    }

    @Test
    void failedTestsAreNotTruncatedWhenAllAreListed() {
        TestFacts facts = parse(stream("xml/junit/pytest.xml"));

        assertThat(facts.failedTestsTruncated()).isFalse();
    }

    @ParameterizedTest(name = "time=\"{0}\" is {1} s")
    @CsvSource(delimiter = '|', value = {
            "0.25       | 0.25",
            "''         | 0",
            "'   '      | 0",
            "1,234.5    | 1234.5",
            "1,234,567  | 1234567",
            "0,25       | 0.25",
            "NaN        | 0",
            "Infinity   | 0",
            "-4416.2    | 0",
            "12s        | 0",
            "abc        | 0",
            "1e2        | 100"})
    void oddTimeValuesNeverFailTheParse(String time, double seconds) {
        assertThat(JUnitXmlParser.seconds(time)).isEqualTo(seconds);
        TestFacts facts = parse(utf8("<testsuite name=\"s\"><testcase name=\"t\" time=\"" + time + "\"/></testsuite>"));
        assertThat(facts.durationSeconds()).isEqualTo(seconds);
    }

    @Test
    void missingTimeIsZero() {
        assertThat(JUnitXmlParser.seconds(null)).isZero();
        assertThat(parse(utf8("<testsuite><testcase name=\"t\"/></testsuite>")).durationSeconds()).isZero();
    }

    @Test
    void aReportWithoutTestCasesHasNoTests() {
        TestFacts facts = parse(utf8("<testsuites><testsuite name=\"pytest\" tests=\"0\"></testsuite></testsuites>"));

        assertThat(facts.total()).isZero();
        assertThat(facts.failedTests()).isEmpty();
    }

    @Test
    void manyEscapedCharactersInStackTracesAreFine() {
        // The JDK's default entity limits count every &lt; in a document; 150,000 of them must still parse.
        String stackTrace = "at Foo.&lt;init&gt;(Foo.java:1)&#10;".repeat(75_000);
        TestFacts facts = parse(utf8("<testsuite name=\"s\"><testcase name=\"t\"><failure>" + stackTrace + "</failure></testcase></testsuite>"));

        assertThat(facts.failedTests().getFirst().message()).startsWith("at Foo.<init>(Foo.java:1)");
    }

    @Test
    void anotherRootElementIsRejectedWithItsLocation() {
        assertThatThrownBy(() -> parse(utf8("<?xml version=\"1.0\"?>\n<suites><suite/></suites>")))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo(EvidenceType.JUNIT);
                    assertThat(e.location()).isEqualTo("line 2, column 9");
                    assertThat(e.getMessage()).contains("<suites>");
                });
    }

    @Test
    void malformedXmlIsRejectedWithLineAndColumn() {
        assertThatThrownBy(() -> parse(utf8("<testsuite name=\"s\">\n  <testcase name=\"t\">\n</testsuite>")))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.location()).startsWith("line 3, column ");
                    assertThat(e.getMessage()).startsWith("junit at line 3").contains("testcase");
                });
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThatThrownBy(() -> parse(utf8(""))).isInstanceOf(EvidenceFormatException.class);
    }

    @Test
    void flakyTestsAreListedUpToTheLimitAndFlaggedApart() {
        StringBuilder report = new StringBuilder("<testsuite name=\"s\">");
        for (int i = 0; i < 3; i++) {
            report.append("<testcase classname=\"C\" name=\"flaky").append(i).append("\"><flakyFailure message=\"once\"/></testcase>");
        }
        report.append("<testcase classname=\"C\" name=\"broken\"><failure/></testcase></testsuite>");

        TestFacts facts = parser.parse(utf8(report.toString()), new ParseLimits(200, 1000, 10_000, 10, 2));

        assertThat(facts.flaky()).isEqualTo(3);
        assertThat(facts.flakyTests()).hasSize(2);
        assertThat(facts.flakyTestsTruncated()).isTrue();
        assertThat(facts.failedTests()).hasSize(1);
        assertThat(facts.failedTestsTruncated()).isFalse();
        assertThat(facts.toMap()).containsEntry("flakyTestsTruncated", true).containsEntry("failedTestsTruncated", false);
    }
}
