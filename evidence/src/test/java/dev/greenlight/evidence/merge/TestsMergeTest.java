package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.evidence;
import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.TestFacts.TestCase;

class TestsMergeTest {
    private static final TestCase FAILED_A = new TestCase("unit", "shop.CartTest", "addsItem", "expected 2");
    private static final TestCase FAILED_B = new TestCase("unit", "shop.CartTest", "removesItem", null);
    private static final TestCase FAILED_C = new TestCase("it", "shop.CheckoutIT", "paysOrder", "timeout");
    private static final TestCase FLAKY = new TestCase("it", "shop.SearchIT", "findsShoes", null);

    private static SourcedFacts report(String id, TestFacts facts) {
        return evidence(id, EvidenceType.JUNIT, facts);
    }

    @Test
    void sumsCountsAndDurationsOfAllReports() {
        Map<String, Object> facts = merge(
                report("unit", new TestFacts(10, 7, 1, 1, 1, 0, 2.5, List.of(FAILED_A, FAILED_B), List.of(), false, false)),
                report("it", new TestFacts(5, 3, 1, 0, 0, 1, 4.25, List.of(FAILED_C), List.of(FLAKY), false, false)));

        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "tests")).containsAllEntriesOf(Map.of(
                "total", 15L, "passed", 10L, "failed", 2L, "errors", 1L, "skipped", 1L, "flaky", 1L, "durationSeconds", 6.75));
    }

    @Test
    void listsFailedAndFlakyCasesInUploadOrder() {
        Map<String, Object> facts = merge(
                report("unit", new TestFacts(2, 0, 2, 0, 0, 0, 1, List.of(FAILED_A, FAILED_B), List.of(), false, false)),
                report("it", new TestFacts(2, 0, 1, 0, 0, 1, 1, List.of(FAILED_C), List.of(FLAKY), false, false)));

        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "tests.failedTests")).extracting(test -> test.get("id"))
                .containsExactly("shop.CartTest.addsItem", "shop.CartTest.removesItem", "shop.CheckoutIT.paysOrder");
        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "tests.flakyTests")).extracting(test -> test.get("id"))
                .containsExactly("shop.SearchIT.findsShoes");
        assertThat(MergeFixtures.<Boolean>fact(facts, "tests.failedTestsTruncated")).isFalse();
    }

    @Test
    void cutsTheListsAtTheLimitAndSaysSo() {
        Map<String, Object> facts = merge(2,
                report("unit", new TestFacts(2, 0, 2, 0, 0, 0, 1, List.of(FAILED_A, FAILED_B), List.of(), false, false)),
                report("it", new TestFacts(1, 0, 1, 0, 0, 0, 1, List.of(FAILED_C), List.of(), false, false)));

        assertThat(MergeFixtures.<List<?>>fact(facts, "tests.failedTests")).hasSize(2);
        assertThat(MergeFixtures.<Long>fact(facts, "tests.failed")).isEqualTo(3L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "tests.failedTestsTruncated")).isTrue();
    }

    @Test
    void cuttingTheFlakyListSaysFlakyTestsTruncated() {
        Map<String, Object> facts = merge(1,
                report("a", new TestFacts(1, 1, 0, 0, 0, 1, 1, List.of(), List.of(FLAKY), false, false)),
                report("b", new TestFacts(1, 1, 0, 0, 0, 1, 1, List.of(), List.of(FLAKY), false, false)));

        assertThat(MergeFixtures.<List<?>>fact(facts, "tests.flakyTests")).hasSize(1);
        assertThat(MergeFixtures.<Long>fact(facts, "tests.flaky")).isEqualTo(2L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "tests.flakyTestsTruncated")).isTrue();
        assertThat(MergeFixtures.<Boolean>fact(facts, "tests.failedTestsTruncated")).isFalse();
    }

    @Test
    void keepsAReportsOwnTruncation() {
        Map<String, Object> facts = merge(
                report("big", new TestFacts(1, 0, 1, 0, 0, 0, 1, List.of(FAILED_A), List.of(), true, false)),
                report("small", new TestFacts(1, 1, 0, 0, 0, 0, 1, List.of(), List.of(), false, false)));

        assertThat(MergeFixtures.<Boolean>fact(facts, "tests.failedTestsTruncated")).isTrue();
        assertThat(MergeFixtures.<Boolean>fact(facts, "tests.flakyTestsTruncated")).isFalse();
    }

    @Test
    void keepsAReportsOwnFlakyTruncation() {
        Map<String, Object> facts = merge(
                report("big", new TestFacts(3, 3, 0, 0, 0, 3, 1, List.of(), List.of(FLAKY), false, true)),
                report("small", new TestFacts(1, 1, 0, 0, 0, 0, 1, List.of(), List.of(), false, false)));

        assertThat(MergeFixtures.<Long>fact(facts, "tests.flaky")).isEqualTo(3L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "tests.flakyTestsTruncated")).isTrue();
        assertThat(MergeFixtures.<Boolean>fact(facts, "tests.failedTestsTruncated")).isFalse();
    }

    @Test
    void namesFactsAsASingleReportDoes() {
        TestFacts single = new TestFacts(1, 0, 1, 0, 0, 0, 1, List.of(FAILED_A), List.of(), false, false);

        Map<String, Object> tests = fact(merge(report("unit", single)), "tests");

        assertThat(tests.keySet()).containsAll(single.toMap().keySet()).contains("sources");
        assertThat(tests).containsAllEntriesOf(single.toMap());
    }
}
