package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.evidence;
import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.CoverageFacts.FileCoverage;

class CoverageMergeTest {
    private static FileCoverage file(String path, long covered, long missed) {
        return new FileCoverage(path, new Counter(covered, missed), new Counter(0, 0));
    }

    private static SourcedFacts report(String id, Counter lines, Counter branches, FileCoverage... files) {
        return evidence(id, EvidenceType.JACOCO, new CoverageFacts(lines, branches, List.of(files), false));
    }

    @Test
    void sumsCountersAndRecomputesTotalsAndRatios() {
        Map<String, Object> facts = merge(
                report("api", new Counter(80, 20), new Counter(3, 1)),
                report("web", new Counter(10, 90), new Counter(0, 4)));

        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "coverage.lines"))
                .isEqualTo(Map.of("covered", 90L, "missed", 110L, "total", 200L, "ratio", 0.45));
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "coverage.branches"))
                .isEqualTo(Map.of("covered", 3L, "missed", 5L, "total", 8L, "ratio", 0.375));
        assertThat(MergeFixtures.<Long>fact(facts, "coverage.reports")).isEqualTo(2L);
    }

    @Test
    void listsTheFilesOfAllReports() {
        Map<String, Object> facts = merge(
                report("api", new Counter(1, 1), new Counter(0, 0), file("api/Cart.java", 1, 1)),
                report("web", new Counter(1, 0), new Counter(0, 0), file("web/app.ts", 1, 0)));

        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "coverage.files")).extracting(file -> file.get("path"))
                .containsExactly("api/Cart.java", "web/app.ts");
        assertThat(MergeFixtures.<Long>fact(facts, "coverage.overlappingFiles")).isZero();
        assertThat(MergeFixtures.<Boolean>fact(facts, "coverage.filesTruncated")).isFalse();
    }

    @Test
    void countsAFileInMoreThanOneReportAsOverlappingAndListsItOnce() {
        Map<String, Object> facts = merge(
                report("unit", new Counter(5, 5), new Counter(0, 0), file("src/Cart.java", 5, 5), file("src/Order.java", 0, 0)),
                report("it", new Counter(8, 2), new Counter(0, 0), file("src/Cart.java", 8, 2)),
                report("e2e", new Counter(9, 1), new Counter(0, 0), file("src/Cart.java", 9, 1), file("src/Order.java", 0, 0)));

        assertThat(MergeFixtures.<Long>fact(facts, "coverage.overlappingFiles")).isEqualTo(2L);
        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "coverage.files")).extracting(file -> file.get("path"))
                .containsExactly("src/Cart.java", "src/Order.java");
        assertThat(MergeFixtures.<Long>fact(facts, "coverage.lines.covered")).isEqualTo(22L);
    }

    @Test
    void cutsTheFileListAtTheLimit() {
        Map<String, Object> facts = merge(2,
                report("api", new Counter(3, 0), new Counter(0, 0), file("a", 1, 0), file("b", 1, 0)),
                report("web", new Counter(1, 0), new Counter(0, 0), file("c", 1, 0)));

        assertThat(MergeFixtures.<List<?>>fact(facts, "coverage.files")).hasSize(2);
        assertThat(MergeFixtures.<Boolean>fact(facts, "coverage.filesTruncated")).isTrue();
    }

    @Test
    void keepsAReportsOwnTruncation() {
        Map<String, Object> facts = merge(evidence("big", EvidenceType.COBERTURA,
                new CoverageFacts(new Counter(1, 0), new Counter(0, 0), List.of(file("a", 1, 0)), true)));

        assertThat(MergeFixtures.<Boolean>fact(facts, "coverage.filesTruncated")).isTrue();
    }

    @Test
    void namesFactsAsASingleReportDoesPlusReportsAndOverlaps() {
        CoverageFacts single = new CoverageFacts(new Counter(1, 3), new Counter(1, 1), List.of(file("a", 1, 3)), false);

        Map<String, Object> coverage = fact(merge(evidence("lcov", EvidenceType.LCOV, single)), "coverage");

        assertThat(coverage).containsAllEntriesOf(single.toMap());
        assertThat(coverage.keySet()).contains("reports", "overlappingFiles", "sources");
    }
}
