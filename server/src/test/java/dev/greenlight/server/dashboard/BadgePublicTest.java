package dev.greenlight.server.dashboard;

import static dev.greenlight.server.dashboard.BadgeTest.assertBadge;
import static dev.greenlight.server.dashboard.BadgeTest.badge;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.greenlight.server.testing.IntegrationTest;

/** With {@code greenlight.badges.public=true} a README can show badges without credentials; nothing else opens. */
@TestPropertySource(properties = "greenlight.badges.public=true")
class BadgePublicTest extends IntegrationTest {
    private DashboardScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
    }

    @Test
    void publicBadgesNeedNoCredentials() {
        String blocked = scenario.gatedProject();
        scenario.releaseWithTests(blocked, 1);

        assertBadge(api.anonymous().get(badge(blocked)), "blocked", "#c4281c");
        assertBadge(api.anonymous().get(badge(blocked) + "?workspace=default"), "blocked", "#c4281c");
        assertBadge(api.anonymous().get(badge(blocked) + "?workspace=no-such-workspace"), "unknown", "#6e7781");
        assertBadge(api.anonymous().get("/badge/no-such-project/prod.svg"), "unknown", "#6e7781");
        org.assertj.core.api.Assertions.assertThat(api.anonymous().get("/api/v1/projects").status()).as("only badges open").isEqualTo(401);
    }
}
