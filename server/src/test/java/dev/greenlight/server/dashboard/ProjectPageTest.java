package dev.greenlight.server.dashboard;

import static dev.greenlight.server.dashboard.DashboardScenario.page;
import static dev.greenlight.server.dashboard.PromotionPagesScenario.projectPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The project page over HTTP with a signed-in session: each environment's releases and what is moving there, the
 * delivery figures of the last environment with the records they counted, and the project's promotions, paged. The
 * state is made through the public API with an external deployer, whose reports the test sends itself.
 */
class ProjectPageTest extends IntegrationTest {
    private static final Pattern PROMOTION_ROW = Pattern.compile("<tr data-promotion=\"([0-9a-f-]+)\">");

    private DashboardScenario dashboard;

    @BeforeEach
    void scenario() {
        dashboard = new DashboardScenario(admin(), fixtures, api.baseUrl());
    }

    @Test
    void showsEachEnvironmentInOrderWithItsReleasesAndWhatIsInFlight() throws Exception {
        PromotionPagesScenario scenario = new PromotionPagesScenario(api, fixtures, admin(), "staging", "prod");
        scenario.release("0.9.0");
        scenario.release("1.0.0");
        scenario.release("2.0.0");
        String staged = scenario.promoteDirectly("1.0.0", "staging");
        String older = scenario.promoteDirectly("0.9.0", "prod");
        String good = scenario.promoteDirectly("1.0.0", "prod");
        String decision = scenario.promotion(good).get("decision").asString();
        String canary = scenario.startCanary("2.0.0", "prod");
        scenario.reportDeployed(canary, 1);
        JsonNode analysed = scenario.await(canary, "a first analysis", promotion -> promotion.get("lastAnalysis") != null
                && !promotion.get("lastAnalysis").isNull());
        BrowserSession viewer = dashboard.signedIn(dashboard.user("viewer", scenario.project));

        String html = page(viewer, projectPage(scenario.project));

        String staging = environment(html, "staging");
        String prod = environment(html, "prod");
        assertThat(html.indexOf("data-environment=\"staging\"")).as("staging comes first").isLessThan(html.indexOf("data-environment=\"prod\""));
        assertThat(staging).contains(">1.0.0</a>").contains("nothing</span>");
        assertThat(fact(prod, "current")).contains("href=\"/projects/" + scenario.project + "/releases/1.0.0?environment=prod\"");
        assertThat(fact(prod, "previous")).contains(">0.9.0</a>");
        assertThat(fact(prod, "last-good")).as("the last good release links to its decision on the release page")
                .contains("href=\"/projects/" + scenario.project + "/releases/1.0.0?environment=prod#decisions-heading\"")
                .contains("href=\"/api/v1/decisions/" + decision + "\"");
        String inFlight = fact(prod, "in-flight");
        String outcome = analysed.get("lastAnalysis").get("outcome").asString();
        assertThat(inFlight).contains("Promotion of").contains(">2.0.0</a>").contains("state-in-flight").contains(">analysing<")
                .contains("step 1 of 3 · 10 %").contains(">" + outcome + "<");
        assertThat(analysed.get("lastAnalysis").get("reasons").size()).as("an analysis without a health source says why").isPositive();
        for (JsonNode reason : analysed.get("lastAnalysis").get("reasons").values()) {
            assertThat(inFlight).contains(escaped(reason.asString()));
        }

        // A release captain takes prod back to its last good release, the canary's baseline; the canary is rolled back with it.
        String rollback = scenario.rollBack("prod", "last-good", "the canary looked wrong");
        String rollingBack = fact(environment(page(viewer, projectPage(scenario.project)), "prod"), "in-flight");
        assertThat(rollingBack).contains(">2.0.0</a>").contains(">rolling back<")
                .containsPattern("rolling back</span></span>\\s+to <span>1\\.0\\.0</span>");

        scenario.reportRollbackCompleted(rollback);
        scenario.awaitState(canary, "rolled-back");
        String after = page(viewer, projectPage(scenario.project));
        assertThat(fact(environment(after, "prod"), "in-flight")).contains("nothing");
        assertThat(fact(environment(after, "prod"), "current")).contains(">1.0.0</a>");
        List<String> listed = all(PROMOTION_ROW, after);
        assertThat(listed).as("newest first, of every environment").containsExactly(canary, good, older, staged);
        assertThat(after).contains(">rolled back<").contains(">promoted<");
    }

    @Test
    void doraFiguresCountAPromotionAndARollbackAndListWhatTheyCounted() throws Exception {
        PromotionPagesScenario scenario = new PromotionPagesScenario(api, fixtures, admin(), "staging", "prod");
        scenario.release("1.0.0");
        scenario.release("2.0.0");
        // Only the last environment counts: a staging promotion must not appear in the figures.
        scenario.promoteDirectly("1.0.0", "staging");
        String first = scenario.promoteDirectly("1.0.0", "prod");
        String second = scenario.promoteDirectly("2.0.0", "prod");
        String rollback = scenario.rollBack("prod", "last-good", "checkout errors after 2.0.0");
        scenario.reportRollbackCompleted(rollback);
        JsonNode api = scenario.dora("7d");
        BrowserSession viewer = dashboard.signedIn(dashboard.user("viewer", scenario.project));

        String html = page(viewer, projectPage(scenario.project) + "?window=7d");

        assertThat(html).contains("Delivery figures for <span>prod</span>");
        assertThat(windowLink(html, "7 days")).contains("aria-current=\"true\"");
        assertThat(windowLink(html, "30 days")).doesNotContain("aria-current").contains("href=\"/projects/" + scenario.project + "?window=30d#dora-heading\"");
        assertThat(windowLink(html, "90 days")).contains("?window=90d#dora-heading");

        String deployments = figure(html, "figure-deployments");
        assertThat(api.get("deployments").size()).isEqualTo(2);
        assertThat(deployments).contains("<strong>" + String.format(java.util.Locale.ROOT, "%.2f", api.get("deploymentsPerDay").asDouble()) + "</strong>")
                .contains("<strong>0.29</strong>").contains("<span class=\"count\">2</span>")
                .contains("<code>" + first + "</code>").contains("<code>" + second + "</code>")
                .contains("href=\"/projects/" + scenario.project + "/releases/2.0.0?environment=prod#promotions-heading\"");

        String leadTime = figure(html, "figure-lead-time");
        Matcher median = Pattern.compile("<time datetime=\"PT([0-9]+)S\">([^<]+)</time></strong>").matcher(leadTime);
        assertThat(median.find()).as("a median lead time").isTrue();
        assertThat(Long.parseLong(median.group(1))).isEqualTo(api.get("leadTimeMedianSeconds").asLong()).isBetween(3600L, 3700L);
        assertThat(median.group(2)).isEqualTo("1 h 0 min").isEqualTo(DurationWords.of(api.get("leadTimeMedianSeconds").asLong()));
        assertThat(leadTime).contains("<span class=\"count\">2</span>").doesNotContain("without one left out");

        String failures = figure(html, "figure-change-failure-rate");
        assertThat(failures).contains("<strong>50 %</strong>").containsPattern("<span class=\"count\">1</span> of\\s+<span>2</span>")
                .contains("<code>" + second + "</code>").doesNotContain("<code>" + first + "</code>")
                .contains("href=\"/api/v1/rollbacks/" + rollback + "\"");

        String restore = figure(html, "figure-time-to-restore");
        assertThat(api.get("restores").size()).isEqualTo(1);
        long seconds = api.get("timeToRestoreMedianSeconds").asLong();
        assertThat(restore).contains("<time datetime=\"PT" + seconds + "S\">" + DurationWords.of(seconds) + "</time></strong>")
                .contains("<span class=\"count\">1</span>").contains("<code>" + rollback + "</code>").contains("asked for by a release captain");
    }

    @Test
    void aProjectWithoutPromotionsExplainsWhenFiguresAppear() {
        PromotionPagesScenario scenario = new PromotionPagesScenario(api, fixtures, admin(), "prod");
        String bare = fixtures.project();
        String viewer = dashboard.user("viewer", scenario.project);
        assertThat(admin().put("/api/v1/projects/" + bare + "/members/" + viewer, Map.of("roles", List.of("viewer"))).status()).isEqualTo(200);
        BrowserSession browser = dashboard.signedIn(viewer);

        String html = page(browser, projectPage(scenario.project));
        assertThat(html).contains("No promotions yet — the figures appear once a release is promoted to <span>prod</span>.")
                .contains("No promotions yet. A release captain promotes a ready release with")
                .contains("greenlight promote " + scenario.project + " &lt;version&gt; --environment &lt;environment&gt;")
                .contains("nothing promoted yet").doesNotContain("figure-deployments").doesNotContain("<table");

        String withoutEnvironments = page(browser, projectPage(bare));
        assertThat(withoutEnvironments).contains("This project has no environments yet")
                .contains("greenlight environments create prod --project " + bare).doesNotContain("dora-heading");

        assertThat(page(browser, "/projects")).as("the projects list links to the project page")
                .contains("href=\"/projects/" + scenario.project + "\"");
    }

    @Test
    void promotionsArePagedNewestFirstAndTheLinksKeepTheWindow() throws Exception {
        PromotionPagesScenario scenario = new PromotionPagesScenario(api, fixtures, admin(), "prod");
        scenario.release("1.0.0");
        // A required approval nobody gives keeps each promotion waiting, so that it can be cancelled and asked for again.
        scenario.gate("prod", Map.of("pack", scenario.pack, "requiredApprovals", List.of(Map.of("role", "security", "count", 1))));
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < ProjectPageController.PAGE_SIZE + 1; i++) {
            String id = scenario.promote("1.0.0", "prod", Map.of("strategy", "direct"));
            assertThat(scenario.cancel(id)).isEqualTo("cancelled");
            requested.add(id);
        }
        BrowserSession viewer = dashboard.signedIn(dashboard.user("viewer", scenario.project));

        String first = page(viewer, projectPage(scenario.project) + "?window=90d");
        List<String> onFirst = all(PROMOTION_ROW, first);
        assertThat(onFirst).hasSize(ProjectPageController.PAGE_SIZE);
        assertThat(onFirst.getFirst()).as("newest first").isEqualTo(requested.getLast());
        assertThat(first).contains("no step deployed").contains(">cancelled<");
        assertThat(link(first, "First page of promotions")).isEmpty();
        String next = link(first, "Next page of promotions").orElseThrow();
        assertThat(next).startsWith(projectPage(scenario.project) + "?window=90d&cursor=").endsWith("#promotions-heading");

        String second = page(viewer, next.substring(0, next.indexOf('#')));
        List<String> onSecond = all(PROMOTION_ROW, second);
        assertThat(onSecond).containsExactly(requested.getFirst());
        assertThat(link(second, "Next page of promotions")).isEmpty();
        assertThat(link(second, "First page of promotions")).contains(projectPage(scenario.project) + "?window=90d#promotions-heading");
        assertThat(windowLink(second, "7 days")).as("choosing a window keeps the list's place").contains("&amp;cursor=");
        HashSet<String> seen = new HashSet<>(onFirst);
        seen.addAll(onSecond);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(requested);

        // The release page pages the same promotions (all of release 1.0.0 into prod) in its own region.
        String release = page(viewer, PromotionPagesScenario.releasePage(scenario.project, "1.0.0", "prod"));
        assertThat(all(PROMOTION_ROW, release)).hasSize(ReleaseListCursors.PAGE_SIZE);
        String releaseNext = link(release, "Next page of promotions").orElseThrow();
        assertThat(releaseNext).contains("environment=prod&promotionsCursor=").endsWith("#promotions-heading");
        String releaseSecond = page(viewer, releaseNext.substring(0, releaseNext.indexOf('#')));
        assertThat(all(PROMOTION_ROW, releaseSecond)).containsExactly(requested.getFirst());
        assertThat(link(releaseSecond, "First page of promotions")).isPresent();

        HttpResult forged = viewer.getPage(projectPage(scenario.project) + "?cursor=not-a-cursor");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("The cursor is not one this server issued.");
        HttpResult badWindow = viewer.getPage(projectPage(scenario.project) + "?window=forever");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.body()).contains("The window must be one of 7d, 30d, 90d.");
    }

    @Test
    void aProjectOneCannotReadIsNotFoundLikeOneThatDoesNotExist() {
        PromotionPagesScenario scenario = new PromotionPagesScenario(api, fixtures, admin(), "prod");
        BrowserSession stranger = dashboard.signedIn(dashboard.user(null, null));

        HttpResult hidden = stranger.getPage(projectPage(scenario.project));
        HttpResult missing = stranger.getPage(projectPage("no-such-project"));

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("text/html");
        DashboardScenario.assertWellFormed(hidden.body());
        assertThat(hidden.body()).contains("Not found").contains("Back to the projects").doesNotContain("Delivery figures");
        HttpResult anonymous = new BrowserSession(api.baseUrl()).getPage(projectPage(scenario.project));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }

    @Test
    void theReleasePageShowsThePromotionsOfItsEnvironment() throws Exception {
        PromotionPagesScenario scenario = new PromotionPagesScenario(api, fixtures, admin(), "staging", "prod");
        scenario.release("1.0.0");
        String staged = scenario.promoteDirectly("1.0.0", "staging");
        String pending = scenario.promote("1.0.0", "prod", Map.of("strategy", "direct"));
        scenario.awaitState(pending, "deploying");
        String viewerName = dashboard.user("viewer", scenario.project);
        BrowserSession viewer = dashboard.signedIn(viewerName);

        String prod = page(viewer, PromotionPagesScenario.releasePage(scenario.project, "1.0.0", "prod"));
        String region = region(prod);
        assertThat(region).contains("Promotions to <span>prod</span>").contains("prod</span> runs no release through Greenlight yet.")
                .contains(">deploying<").contains("step 1 of 1 · 100 %").contains("in flight").contains(">direct<")
                .contains(captainName(scenario)).contains("href=\"/api/v1/projects/" + scenario.project + "/promotions/" + pending + "\"")
                .doesNotContain(staged);

        scenario.reportDeployed(pending, 1);
        HttpResult section = viewer.getPage("/projects/" + scenario.project + "/releases/1.0.0/sections/promotions?environment=prod");
        assertThat(section.status()).as(section.toString()).isEqualTo(200);
        assertThat(section.body()).startsWith("<section id=\"live-promotions\"").contains(">promoted<").contains("data-live-on=\"promotions\"")
                .containsPattern("runs\\s+<a href=\"/projects/" + Pattern.quote(scenario.project) + "/releases/1\\.0\\.0\\?environment=prod\">1\\.0\\.0</a>");

        String staging = region(page(viewer, PromotionPagesScenario.releasePage(scenario.project, "1.0.0", "staging")));
        assertThat(staging).contains("Promotions to <span>staging</span>").contains("data-promotion=\"" + staged + "\"").doesNotContain(pending);
        String unpromoted = region(page(viewer, PromotionPagesScenario.releasePage(dashboardProjectWithRelease(viewerName), "1.0.0", "prod")));
        assertThat(unpromoted).containsPattern("This release has not been promoted to\\s+<span>prod</span>");
    }

    /** A project of {@link DashboardScenario} with release 1.0.0, never promoted, that the user may read. */
    private String dashboardProjectWithRelease(String user) {
        String project = dashboard.gatedProject();
        dashboard.releaseWithTests(project, 0);
        assertThat(admin().put("/api/v1/projects/" + project + "/members/" + user, Map.of("roles", List.of("viewer"))).status()).isEqualTo(200);
        return project;
    }

    private static String captainName(PromotionPagesScenario scenario) {
        return scenario.captain.get("/api/v1/me").json().get("name").asString();
    }

    /** The card of one environment on the project page. */
    private static String environment(String html, String name) {
        int start = html.indexOf("data-environment=\"" + name + "\"");
        assertThat(start).as("a card for " + name).isNotNegative();
        return html.substring(start, html.indexOf("</dl>", start));
    }

    /** One fact (dd) of an environment's card. */
    private static String fact(String card, String name) {
        int start = card.indexOf("<dd class=\"" + name + "\">");
        assertThat(start).as("the fact " + name).isNotNegative();
        return card.substring(start, card.indexOf("</dd>", start));
    }

    /** One figure of the delivery figures, up to the next one (or the end of its section). */
    private static String figure(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the figure " + id).isNotNegative();
        int next = html.indexOf("<li class=\"figure\"", start);
        return html.substring(start, next < 0 ? html.indexOf("</section>", start) : next);
    }

    private static String region(String html) {
        int start = html.indexOf("<section id=\"live-promotions\"");
        assertThat(start).as("the promotions region").isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String windowLink(String html, String label) {
        Matcher matcher = Pattern.compile("<a [^>]*>" + Pattern.quote(label) + "</a>").matcher(html);
        assertThat(matcher.find()).as("a link " + label).isTrue();
        return matcher.group();
    }

    private static Optional<String> link(String html, String text) {
        Matcher matcher = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>" + Pattern.quote(text) + "</a>").matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1).replace("&amp;", "&")) : Optional.empty();
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
