package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/** Readiness badges with the default setting: they need project:read, and say nothing about what the caller cannot see. */
class BadgeTest extends IntegrationTest {
    private DashboardScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
    }

    @Test
    void badgeShowsReadyBlockedAndNoReleaseForTheLatestRelease() {
        String ready = scenario.gatedProject();
        scenario.releaseWithTests(ready, 0);
        String blocked = scenario.gatedProject();
        scenario.releaseWithTests(blocked, 2);
        String unreleased = scenario.gatedProject();
        String viewer = scenario.user("viewer", ready);
        grantViewer(blocked, viewer);
        grantViewer(unreleased, viewer);
        BrowserSession browser = scenario.signedIn(viewer);

        assertBadge(browser.get(badge(ready)), "ready", "#1a7f37");
        assertBadge(browser.get(badge(blocked)), "blocked", "#c4281c");
        assertBadge(browser.get(badge(unreleased)), "no release", "#6e7781");
    }

    @Test
    void unknownAndInvisibleProjectsGetTheSameUnknownBadge() {
        String invisible = scenario.gatedProject();
        scenario.releaseWithTests(invisible, 0);
        String visible = scenario.gatedProject();
        BrowserSession browser = scenario.signedIn(scenario.user("viewer", visible));

        HttpResult hidden = browser.get(badge(invisible));
        HttpResult missing = browser.get("/badge/no-such-project/prod.svg");
        HttpResult noEnvironment = browser.get("/badge/" + visible + "/no-such-environment.svg");

        assertBadge(hidden, "unknown", "#6e7781");
        assertThat(hidden.body()).isEqualTo(missing.body()).isEqualTo(noEnvironment.body());
        assertThat(hidden.status()).isEqualTo(missing.status());
    }

    @Test
    void badgeNeedsCredentialsUnlessBadgesArePublic() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 0);

        HttpResult anonymous = api.anonymous().get(badge(project));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("ready");
    }

    static String badge(String project) {
        return "/badge/" + project + "/prod.svg";
    }

    static void assertBadge(HttpResult badge, String state, String color) {
        assertThat(badge.status()).as(badge.toString()).isEqualTo(200);
        assertThat(badge.contentType()).startsWith("image/svg+xml");
        assertThat(badge.headers().allValues("Cache-Control")).containsExactly("no-cache");
        assertThat(badge.body()).startsWith("<svg").contains(">greenlight<").contains(">" + state + "<").contains("fill=\"" + color + "\"")
                .contains("aria-label=\"greenlight: " + state + "\"");
    }

    private void grantViewer(String project, String user) {
        assertThat(admin().put("/api/v1/projects/" + project + "/members/" + user, java.util.Map.of("roles", java.util.List.of("viewer")))
                .status()).isEqualTo(200);
    }
}
