package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.listingAtMost;
import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SastFacts.Level;
import dev.greenlight.evidence.facts.SastFacts.Result;
import dev.greenlight.evidence.facts.Severity;

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
}
