package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.listingAtMost;
import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SastFacts.Level;
import dev.greenlight.evidence.facts.SastFacts.LevelCounts;
import dev.greenlight.evidence.facts.SastFacts.Result;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;

class SarifParserTest {
    private final SarifParser parser = new SarifParser();

    private SastFacts twoRuns() {
        return parseFixture(parser, SastFacts.class, "sarif/two-runs.sarif.json");
    }

    @Test
    void readsTheResultsOfAllRunsAndTheirTools() {
        SastFacts facts = twoRuns();

        assertThat(facts.tools()).containsExactly("ShopScanner", "CodeQL");
        assertThat(facts.results()).hasSize(9);
        assertThat(facts.suppressed()).hasSize(2);
        assertThat(facts.resultsTruncated()).isFalse();
    }

    @Test
    void defaultsTheLevelToTheRuleDefaultThenWarning() {
        List<Result> results = twoRuns().results();

        assertThat(results).extracting(Result::ruleId, Result::level).startsWith(
                tuple("SEC001", Level.ERROR),
                tuple("STYLE002", Level.NOTE),
                tuple("STYLE002", Level.NOTE),
                tuple("NORULE", Level.WARNING));
    }

    @Test
    void givesResultsOfAKindOtherThanFailTheLevelNone() {
        assertThat(twoRuns().results().get(4)).extracting(Result::message, Result::level).containsExactly("Checked and clean.", Level.NONE);
    }

    @Test
    void mapsTheRuleSecuritySeverityScore() {
        List<Result> results = twoRuns().results();

        assertThat(results.getFirst().securitySeverity()).isEqualTo(Severity.HIGH);
        assertThat(results.get(1).securitySeverity()).isNull();
    }

    @Test
    void findsRulesInToolExtensionsByToolComponentAndLetsAResultPropertyOverride() {
        List<Result> codeQl = twoRuns().results().subList(7, 9);

        assertThat(codeQl).extracting(Result::ruleId, Result::level, Result::securitySeverity).containsExactly(
                tuple("js/xss", Level.ERROR, Severity.MEDIUM),
                tuple("js/unused-local-variable", Level.WARNING, Severity.CRITICAL));
    }

    @Test
    void keepsAcceptedSuppressionsApartAndCountsRejectedOrUnderReviewOnes() {
        SastFacts facts = twoRuns();

        assertThat(facts.suppressed()).extracting(Result::message).containsExactly("Suppressed in source.", "Suppression accepted.");
        assertThat(facts.results()).extracting(Result::message).contains("Suppression rejected.", "Suppression under review.");
    }

    @Test
    void locatesAResultAtItsFirstLocation() {
        List<Result> results = twoRuns().results();

        assertThat(results.getFirst().location()).isEqualTo("src/main/java/Shop.java:42");
        assertThat(results.get(1).location()).isEqualTo("README.md");
        assertThat(results.get(3).location()).isNull();
        assertThat(results.get(7).location()).isEqualTo("web/app.js:9");
    }

    @Test
    void fillsTheRuleMessageStringANamedMessageRefersTo() {
        assertThat(twoRuns().results().get(2).message()).isEqualTo("Shop.java: line longer than 120 characters ({style}).");
    }

    @Test
    void locatesAnUnknownLevelByJsonPointer() {
        assertThatThrownBy(() -> parseText(parser, SastFacts.class, """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
                  {"ruleId": "a", "message": {"text": "1"}},
                  {"ruleId": "a", "message": {"text": "2"}},
                  {"ruleId": "a", "message": {"text": "3"}},
                  {"ruleId": "a", "level": "fatal", "message": {"text": "4"}}]}]}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/runs/0/results/3/level"))
                .hasMessageContaining("\"fatal\" is not one of error, warning, note, none");
    }

    @Test
    void rejectsOtherVersionsAndLogsWithoutRuns() {
        assertThatThrownBy(() -> parseText(parser, SastFacts.class, "{\"version\": \"1.0.0\", \"runs\": []}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("version 1.0.0 is not read");
        assertThatThrownBy(() -> parseText(parser, SastFacts.class, "{\"version\": \"2.1.0\"}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("runs is missing");
    }

    @Test
    void acceptsEmptyRunsAndNullResults() {
        SastFacts facts = parseText(parser, SastFacts.class, """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": null}]}
                """);

        assertThat(facts.tools()).containsExactly("x");
        assertThat(facts.results()).isEmpty();
    }

    @Test
    void listsResultsUpToTheLimit() {
        SastFacts facts = parseFixture(parser, SastFacts.class, "sarif/two-runs.sarif.json", listingAtMost(3));

        assertThat(facts.results()).hasSize(3);
        assertThat(facts.resultsTruncated()).isTrue();
    }

    @Test
    void fillsPlaceholdersLiterally() {
        assertThat(SarifRun.fill("{0} and {1} and {5} and {{0}}", List.of("a", "$1"))).isEqualTo("a and $1 and {5} and {0}");
    }

    /**
     * A run of 10 counted results and 2 suppressed ones. The first three are notes, then (beyond a limit of 3) the
     * errors, found in different ways: by rule id, by a hierarchical id, by rule index, with a level of their own.
     */
    private static String run(boolean toolFirst) {
        String tool = """
                "tool": {"driver": {"name": "scanner", "rules": [
                  {"id": "R1", "defaultConfiguration": {"level": "error"}, "properties": {"security-severity": "9.5"}},
                  {"id": "R2", "defaultConfiguration": {"level": "note"}}]}}""";
        StringBuilder results = new StringBuilder("\"results\": [");
        for (int i = 0; i < 3; i++) {
            results.append("{\"ruleId\": \"R2\", \"message\": {\"text\": \"n").append(i).append("\"}},");
        }
        results.append("""
                {"ruleId": "R2", "suppressions": [{"kind": "inSource"}]},
                {"ruleId": "R1", "message": {"text": "critical by its rule"}},
                {"ruleId": "R1/7", "message": {"text": "critical by its parent rule"}},
                {"rule": {"index": 0}, "message": {"text": "critical by index"}},
                {"ruleId": "R2", "level": "warning", "properties": {"security-severity": "7.5"}},
                {"ruleId": "R1", "level": "note"},
                {"ruleId": "R2", "kind": "pass"},
                {"ruleId": "R1", "suppressions": [{"status": "accepted"}]},
                {"ruleId": "UNDECLARED"}]""");
        return "{" + (toolFirst ? tool + ", " + results : results + ", " + tool) + "}";
    }

    private static String log(String... runs) {
        return "{\"version\": \"2.1.0\", \"runs\": [" + String.join(", ", runs) + "]}";
    }

    @ParameterizedTest(name = "tool first: {0}")
    @ValueSource(booleans = {true, false})
    void countsEveryResultWhileListingOnlyUpToTheLimit(boolean toolFirst) {
        SastFacts facts = parseText(parser, SastFacts.class, log(run(toolFirst)), listingAtMost(3));

        assertThat(facts.results()).hasSize(3).extracting(Result::level).containsOnly(Level.NOTE);
        assertThat(facts.suppressed()).hasSize(2);
        assertThat(facts.resultsTruncated()).isTrue();
        assertThat(facts.byLevel()).isEqualTo(new LevelCounts(3, 2, 4, 1));
        assertThat(facts.bySecuritySeverity()).isEqualTo(new SeverityCounts(4, 1, 0, 0, 0, 0));
        assertThat(facts.suppressedCount()).isEqualTo(2);
        assertThat(facts.toMap()).containsEntry("total", 10L).containsEntry("suppressed", 2L)
                .containsEntry("byLevel", Map.of("error", 3L, "warning", 2L, "note", 4L, "none", 1L))
                .containsEntry("bySecuritySeverity", Map.of("critical", 4L, "high", 1L, "medium", 0L, "low", 0L, "negligible", 0L, "unknown", 0L));
    }

    @Test
    void countsAsItWouldListWhenTheLimitCutsNothing() {
        SastFacts listed = parseText(parser, SastFacts.class, log(run(false), run(true)));
        SastFacts cut = parseText(parser, SastFacts.class, log(run(false), run(true)), listingAtMost(2));

        assertThat(listed.resultsTruncated()).isFalse();
        assertThat(listed.byLevel()).isEqualTo(LevelCounts.of(listed.results())).isEqualTo(new LevelCounts(6, 4, 8, 2));
        assertThat(listed.bySecuritySeverity()).isEqualTo(SastFacts.securitySeveritiesOf(listed.results()));
        assertThat(listed.suppressedCount()).isEqualTo(listed.suppressed().size()).isEqualTo(4);
        assertThat(cut.results()).hasSize(2);
        assertThat(cut.byLevel()).isEqualTo(listed.byLevel());
        assertThat(cut.bySecuritySeverity()).isEqualTo(listed.bySecuritySeverity());
        assertThat(cut.suppressedCount()).isEqualTo(4);
    }

    @Test
    void countsUnlistedResultsOfRulesInToolExtensions() {
        String log = log("""
                {"results": [
                  {"ruleId": "a", "level": "note"},
                  {"rule": {"id": "js/xss", "index": 0, "toolComponent": {"index": 0}}},
                  {"rule": {"index": 5, "toolComponent": {"index": 3}}}],
                 "tool": {"driver": {"name": "CodeQL"}, "extensions": [{"name": "js-queries", "rules": [
                  {"id": "js/xss", "defaultConfiguration": {"level": "error"}, "properties": {"security-severity": "6.1"}}]}]}}""");

        SastFacts facts = parseText(parser, SastFacts.class, log, listingAtMost(1));

        assertThat(facts.results()).hasSize(1);
        assertThat(facts.byLevel()).isEqualTo(new LevelCounts(1, 1, 1, 0));
        assertThat(facts.bySecuritySeverity()).isEqualTo(new SeverityCounts(0, 0, 1, 0, 0, 0));
    }
}
