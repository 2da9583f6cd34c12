package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.promotions.DoraMetrics;
import dev.greenlight.server.promotions.PromotionHistory;

/** How the promotion pages put figures, durations, windows and promotion states into words. */
class PromotionPageModelsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void durationsReadAsTheirTwoLargestUnits() {
        assertThat(DurationWords.of(0)).isEqualTo("0 s");
        assertThat(DurationWords.of(59)).isEqualTo("59 s");
        assertThat(DurationWords.of(60)).isEqualTo("1 min 0 s");
        assertThat(DurationWords.of(3599)).isEqualTo("59 min 59 s");
        assertThat(DurationWords.of(3600)).isEqualTo("1 h 0 min");
        assertThat(DurationWords.of(86_399)).isEqualTo("23 h 59 min");
        assertThat(DurationWords.of(90_061)).isEqualTo("1 d 1 h");
        assertThat(DurationWords.iso(3661)).isEqualTo("PT3661S");
        assertThat(Duration.parse(DurationWords.iso(3661))).as("a duration machines read back").isEqualTo(Duration.ofSeconds(3661));
    }

    @Test
    void theWindowIsOneOfThreeChoicesAndThirtyDaysByDefault() {
        assertThat(DoraWindow.of(null)).isEqualTo(DoraWindow.MONTH);
        assertThat(DoraWindow.of(" ")).isEqualTo(DoraWindow.MONTH);
        assertThat(DoraWindow.of("7d").span()).isEqualTo(Duration.ofDays(7));
        assertThat(DoraWindow.of(" 90d ")).isEqualTo(DoraWindow.QUARTER);
        GreenlightException refused = catchThrowableOfType(GreenlightException.class, () -> DoraWindow.of("30 days"));
        assertThat(refused.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        assertThat(refused).hasMessage("The window must be one of 7d, 30d, 90d.");
    }

    @Test
    void aPromotionThatDeployedNothingSaysSoInsteadOfNamingItsFirstStep() {
        assertThat(PromotionRow.of(summary("awaiting-approvals", 1, 4, 1)).progress()).isEqualTo("no step deployed (4 steps planned)");
        assertThat(PromotionRow.of(summary("cancelled", 1, 1, 100)).progress()).isEqualTo("no step deployed (1 step planned)");
        PromotionRow analysing = PromotionRow.of(summary("analysing", 3, 4, 25));
        assertThat(analysing.progress()).isEqualTo("step 3 of 4 · 25 %");
        assertThat(analysing.stateLabel()).isEqualTo("analysing");
        assertThat(analysing.cssClass()).isEqualTo("state-in-flight");
        assertThat(analysing.analysisSymbol()).isEqualTo("?");
        assertThat(analysing.requestedAtText()).isEqualTo("2026-03-01 11:00:00 UTC");
        assertThat(PromotionRow.of(summary("promoted", 4, 4, 100)).symbol()).isEqualTo("✓");
        assertThat(PromotionRow.of(summary("rolled-back", 2, 4, 5)).cssClass()).isEqualTo("state-blocked");
        assertThat(PromotionRow.of(summary("paused-by-a-newer-server", 1, 4, 1)).stateLabel()).as("a state this page does not know yet")
                .isEqualTo("paused-by-a-newer-server");
    }

    @Test
    void eachFigureListsTheRecordsItCounted() {
        DoraMetrics.Deployment counted = new DoraMetrics.Deployment("p1", "1.0.0", NOW.minusSeconds(7200), NOW.minusSeconds(10_800), null);
        DoraMetrics.Deployment failed = new DoraMetrics.Deployment("p2", "2.0.0", NOW.minusSeconds(3600), NOW.minusSeconds(5400), "r1");
        DoraMetrics.Deployment noCommitTime = new DoraMetrics.Deployment("p3", "3.0.0", NOW.minusSeconds(60), null, null);
        DoraMetrics.Restore restore = new DoraMetrics.Restore("r1", false, NOW.minusSeconds(1800), NOW.minusSeconds(1680), 120);
        DoraMetrics.Report report = new DoraMetrics.Report("prod", Duration.ofDays(7), NOW.minus(Duration.ofDays(7)), NOW,
                List.of(counted, failed, noCommitTime), 3 / 7.0, 1800L, List.of("p1", "p2"), List.of("p3"), 1 / 3.0, List.of("p2"),
                List.of(restore), 120L);

        DoraFigures figures = DoraFigures.of(report, DoraWindow.WEEK);

        assertThat(figures.deploymentsPerDay()).isEqualTo("0.43");
        assertThat(figures.leadTimeMedian()).isEqualTo("30 min 0 s");
        assertThat(figures.leadTimeCounted()).extracting(DoraFigures.DeploymentRow::release).containsExactly("1.0.0", "2.0.0");
        assertThat(figures.leadTimeCounted()).extracting(DoraFigures.DeploymentRow::leadTime).containsExactly("1 h 0 min", "30 min 0 s");
        assertThat(figures.leadTimeSkipped()).extracting(DoraFigures.DeploymentRow::release).containsExactly("3.0.0");
        assertThat(figures.changeFailurePercent()).isEqualTo("33 %");
        assertThat(figures.failedDeployments()).singleElement().satisfies(row -> assertThat(row.rolledBackBy()).isEqualTo("r1"));
        assertThat(figures.timeToRestoreMedian()).isEqualTo("2 min 0 s");
        assertThat(figures.restores()).singleElement().satisfies(row -> assertThat(row.duration()).isEqualTo("2 min 0 s"));
        assertThat(figures.quiet()).isFalse();
    }

    @Test
    void aQuietWindowHasNoFiguresRatherThanZeroes() {
        DoraMetrics.Report report = new DoraMetrics.Report("prod", Duration.ofDays(30), NOW.minus(Duration.ofDays(30)), NOW, List.of(), 0,
                null, List.of(), List.of(), null, List.of(), List.of(), null);

        DoraFigures figures = DoraFigures.of(report, DoraWindow.MONTH);

        assertThat(figures.quiet()).isTrue();
        assertThat(figures.deploymentsPerDay()).isEqualTo("0.00");
        assertThat(figures.leadTimeMedian()).isNull();
        assertThat(figures.changeFailurePercent()).as("no deployments: no rate, not 0 %").isNull();
        assertThat(figures.timeToRestoreMedian()).isNull();
    }

    private static PromotionHistory.Summary summary(String state, int step, int steps, int percent) {
        boolean finished = List.of("promoted", "rolled-back", "failed", "cancelled").contains(state);
        return new PromotionHistory.Summary("0193aaaa-0000-7000-8000-000000000001", "2.0.0", "prod", "canary", state, finished, step, steps, percent,
                "1.0.0", state.equals("analysing") ? "inconclusive" : null, List.of(), "captain", NOW.minusSeconds(3600),
                finished ? NOW : null);
    }
}
