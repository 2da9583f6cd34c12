package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadgeSvgTest {

    @Test
    void escapesMarkupInText() {
        assertThat(BadgeSvg.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    @Test
    void eachStateHasItsWordAndColour() {
        for (BadgeState state : BadgeState.values()) {
            assertThat(BadgeSvg.of(state)).contains(">" + state.label() + "<").contains(state.color()).doesNotContain("<script");
        }
    }
}
