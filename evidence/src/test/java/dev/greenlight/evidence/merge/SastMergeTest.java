package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.evidence;
import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SastFacts.Level;
import dev.greenlight.evidence.facts.SastFacts.LevelCounts;
import dev.greenlight.evidence.facts.SastFacts.Result;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;

class SastMergeTest {
    private static final Result SQL_INJECTION = new Result("java/sql-injection", Level.ERROR, Severity.HIGH, "Query built from user input", "src/Repo.java:12");
    private static final Result UNUSED = new Result("java/unused-local", Level.NOTE, null, "Unused variable", "src/Cart.java:3");
    private static final Result XSS = new Result("js/xss", Level.ERROR, Severity.CRITICAL, "Cross-site scripting", "web/app.ts:40");

    private static SourcedFacts sarif(String id, List<String> tools, List<Result> results, List<Result> suppressed) {
        return evidence(id, EvidenceType.SARIF, SastFacts.complete(tools, results, suppressed));
    }

    @Test
    void unitesToolsAndSumsCounts() {
        Map<String, Object> facts = merge(
                sarif("codeql-java", List.of("CodeQL"), List.of(SQL_INJECTION, UNUSED), List.of(UNUSED)),
                sarif("semgrep", List.of("Semgrep", "CodeQL"), List.of(XSS), List.of()));

        Map<String, Object> sast = fact(facts, "sast");
        assertThat(sast).containsEntry("tools", List.of("CodeQL", "Semgrep"))
                .containsEntry("total", 3L)
                .containsEntry("suppressed", 1L)
                .containsEntry("resultsTruncated", false);
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "sast.byLevel"))
                .isEqualTo(Map.of("error", 2L, "warning", 0L, "note", 1L, "none", 0L));
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "sast.bySecuritySeverity"))
                .containsEntry("critical", 1L).containsEntry("high", 1L).containsEntry("medium", 0L);
    }

    @Test
    void listsResultsInUploadOrder() {
        Map<String, Object> facts = merge(
                sarif("codeql-java", List.of("CodeQL"), List.of(SQL_INJECTION, UNUSED), List.of()),
                sarif("semgrep", List.of("Semgrep"), List.of(XSS), List.of()));

        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "sast.results")).extracting(result -> result.get("ruleId"))
                .containsExactly("java/sql-injection", "java/unused-local", "js/xss");
    }

    @Test
    void cutsResultsAtTheLimitButCountsThemAll() {
        Map<String, Object> facts = merge(2,
                sarif("codeql-java", List.of("CodeQL"), List.of(SQL_INJECTION, UNUSED), List.of()),
                sarif("semgrep", List.of("Semgrep"), List.of(XSS), List.of()));

        assertThat(MergeFixtures.<List<?>>fact(facts, "sast.results")).hasSize(2);
        assertThat(MergeFixtures.<Long>fact(facts, "sast.total")).isEqualTo(3L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "sast.resultsTruncated")).isTrue();
    }

    @Test
    void sumsTheCompleteCountsOfATruncatedReport() {
        // CodeQL listed one result of the seven it counted (the unlisted ones include two criticals), and none of the
        // four it suppressed.
        SastFacts truncated = new SastFacts(List.of("CodeQL"), List.of(SQL_INJECTION), List.of(), true,
                new LevelCounts(5, 1, 1, 0), new SeverityCounts(2, 3, 0, 0, 0, 0), 4);

        Map<String, Object> facts = merge(evidence("codeql", EvidenceType.SARIF, truncated),
                sarif("semgrep", List.of("Semgrep"), List.of(XSS), List.of(UNUSED)));

        assertThat(MergeFixtures.<Long>fact(facts, "sast.total")).isEqualTo(8L);
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "sast.byLevel"))
                .isEqualTo(Map.of("error", 6L, "warning", 1L, "note", 1L, "none", 0L));
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "sast.bySecuritySeverity"))
                .containsEntry("critical", 3L).containsEntry("high", 3L).containsEntry("medium", 0L);
        assertThat(MergeFixtures.<Long>fact(facts, "sast.suppressed")).isEqualTo(5L);
        assertThat(MergeFixtures.<List<?>>fact(facts, "sast.results")).hasSize(2);
        assertThat(MergeFixtures.<Boolean>fact(facts, "sast.resultsTruncated")).isTrue();
    }

    @Test
    void namesFactsAsASingleReportDoes() {
        SastFacts single = SastFacts.complete(List.of("CodeQL"), List.of(SQL_INJECTION, UNUSED), List.of(XSS));

        Map<String, Object> sast = fact(merge(evidence("codeql", EvidenceType.SARIF, single)), "sast");

        assertThat(sast).containsAllEntriesOf(single.toMap()).containsKey("sources");
    }
}
