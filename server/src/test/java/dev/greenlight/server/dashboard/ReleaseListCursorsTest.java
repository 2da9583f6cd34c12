package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.dashboard.ReleaseListCursors.ReleaseList;
import dev.greenlight.server.platform.Cursors;
import dev.greenlight.server.platform.GreenlightException;

/** The release page's paging links: one list moves, the environment and every other list stay where they are. */
class ReleaseListCursorsTest {

    @Test
    void nextPageOfOneListKeepsTheEnvironmentAndTheOtherListsPlaces() {
        ReleaseListCursors cursors = new ReleaseListCursors(null, "W1", null, "D1", null);

        ReleaseListCursors.Pages evidence = cursors.pages(ReleaseList.EVIDENCE, "shop", "1.0.0+build.7", "prod", "E2");

        assertThat(evidence.firstPageLink()).as("already on the first page of evidence").isNull();
        // The template variable is encoded strictly ('+' as %2B), which the server reads back as '+'.
        assertThat(evidence.nextPageLink())
                .isEqualTo("/projects/shop/releases/1.0.0%2Bbuild.7?environment=prod&evidenceCursor=E2&waiversCursor=W1&decisionsCursor=D1#evidence-heading");
        assertThat(evidence.shown()).isTrue();
    }

    @Test
    void firstPageLinkDropsOnlyThatListsCursor() {
        ReleaseListCursors cursors = new ReleaseListCursors("E1", "W1", "A1", null, null);

        ReleaseListCursors.Pages approvals = cursors.pages(ReleaseList.APPROVALS, "shop", "1.0.0", "staging", null);

        assertThat(approvals.firstPageLink()).isEqualTo("/projects/shop/releases/1.0.0?environment=staging&evidenceCursor=E1&waiversCursor=W1#approvals-heading");
        assertThat(approvals.nextPageLink()).as("the last page of approvals").isNull();
    }

    @Test
    void aListThatFitsOnOnePageHasNoLinks() {
        ReleaseListCursors.Pages decisions = new ReleaseListCursors(" ", "", null, null, null).pages(ReleaseList.DECISIONS, "shop", "1.0.0", null, null);

        assertThat(decisions.shown()).isFalse();
    }

    @Test
    void valuesAreEncodedInTheLink() {
        ReleaseListCursors cursors = new ReleaseListCursors(null, "a&b=c", null, null, null);

        assertThat(cursors.pages(ReleaseList.EVIDENCE, "shop", "1.0.0", "a b", "x").nextPageLink())
                .isEqualTo("/projects/shop/releases/1.0.0?environment=a%20b&evidenceCursor=x&waiversCursor=a%26b%3Dc#evidence-heading");
    }

    @Test
    void eachListReadsItsOwnCursorAndRefusesOnesThisServerDidNotIssue() {
        ReleaseListCursors cursors = new ReleaseListCursors(Cursors.encode("k1"), "forged", null, null, null);

        assertThat(cursors.request(ReleaseList.EVIDENCE).after()).isEqualTo("k1");
        assertThat(cursors.request(ReleaseList.EVIDENCE).limit()).isEqualTo(ReleaseListCursors.PAGE_SIZE);
        assertThat(cursors.request(ReleaseList.APPROVALS).after()).isNull();
        assertThat(catchThrowable(() -> cursors.request(ReleaseList.WAIVERS))).isInstanceOf(GreenlightException.class);
    }
}
