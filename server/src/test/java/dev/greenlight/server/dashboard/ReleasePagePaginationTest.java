package dev.greenlight.server.dashboard;

import static dev.greenlight.server.dashboard.DashboardScenario.count;
import static dev.greenlight.server.dashboard.DashboardScenario.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.testing.TestPacks;

/**
 * Every list of the dashboard that grows is paged on the server, 25 rows a list on the release page and 20 projects
 * on the projects page, with plain links (no script needed) that keep the environment and the other lists' places.
 * Each test makes more than a page and follows the links to the end.
 */
class ReleasePagePaginationTest extends IntegrationTest {
    private static final int PAGE = ReleaseListCursors.PAGE_SIZE;
    private static final Pattern FILE_NAME = Pattern.compile(">(evidence-[0-9]+\\.xml)<");
    private static final Pattern DECISION = Pattern.compile("href=\"/api/v1/decisions/([0-9a-f-]+)\"");
    private static final Pattern WAIVER_TICKET = Pattern.compile("<td>(PAGE-[0-9]+)</td>");
    private static final Pattern PROJECT_SLUG = Pattern.compile("<span class=\"slug\">([^<]+)</span>");

    private DashboardScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
    }

    @Test
    void evidenceIsPagedByCursorAndItsLinksKeepTheEnvironment() {
        String project = projectWithStagingAndProd();
        fixtures.release(project, DashboardScenario.VERSION);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < PAGE + 2; i++) {
            files.put("evidence-" + i + ".xml", TestPacks.junit(i));
        }
        HttpResult uploaded = admin().postFiles(DashboardScenario.releasePath(project) + "/evidence", files);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        BrowserSession browser = scenario.signedIn(scenario.user("viewer", project));

        // prod is the second environment: a link that lost it would show staging.
        String first = page(browser, DashboardScenario.releasePage(project) + "?environment=prod");
        List<String> onFirst = all(FILE_NAME, section(first, "live-evidence"));
        assertThat(onFirst).hasSize(PAGE);
        assertThat(link(first, "First page of evidence")).isEmpty();
        String next = link(first, "Next page of evidence").orElseThrow();
        assertThat(next).startsWith(DashboardScenario.releasePage(project) + "?environment=prod&evidenceCursor=").endsWith("#evidence-heading");

        String second = page(browser, withoutFragment(next));
        assertThat(second).contains("aria-current=\"page\">prod<").contains("Readiness for <span>prod</span>");
        List<String> onSecond = all(FILE_NAME, section(second, "live-evidence"));
        assertThat(onSecond).hasSize(2);
        assertThat(link(second, "Next page of evidence")).as("the last page").isEmpty();
        assertThat(link(second, "First page of evidence")).contains(DashboardScenario.releasePage(project) + "?environment=prod#evidence-heading");
        Set<String> seen = new HashSet<>(onFirst);
        seen.addAll(onSecond);
        assertThat(seen).as("every file once").hasSize(PAGE + 2);

        // The live section, asked with the page's own query, shows the rows the page shows.
        String query = withoutFragment(next).substring(withoutFragment(next).indexOf('?'));
        HttpResult section = browser.getPage(DashboardScenario.releasePage(project) + "/sections/evidence" + query);
        assertThat(section.status()).as(section.toString()).isEqualTo(200);
        assertThat(all(FILE_NAME, section.body())).containsExactlyElementsOf(onSecond);

        HttpResult forged = browser.getPage(DashboardScenario.releasePage(project) + "?environment=prod&evidenceCursor=not-a-cursor");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("The cursor is not one this server issued.");
    }

    @Test
    void decisionsArePagedAndPagingThemKeepsThePlaceInTheOtherLists() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 0);
        for (int i = 0; i < PAGE + 1; i++) {
            HttpResult recorded = admin().post(DashboardScenario.releasePath(project) + "/decisions", Map.of("environment", "prod"));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        }
        BrowserSession browser = scenario.signedIn(scenario.user("viewer", project));

        String first = page(browser, DashboardScenario.releasePage(project));
        List<String> onFirst = all(DECISION, section(first, "live-decisions"));
        assertThat(onFirst).hasSize(PAGE);
        String next = link(first, "Next page of decisions").orElseThrow();
        assertThat(next).contains("environment=prod").contains("decisionsCursor=").endsWith("#decisions-heading");

        String second = page(browser, withoutFragment(next));
        List<String> onSecond = all(DECISION, section(second, "live-decisions"));
        assertThat(onSecond).hasSize(1).doesNotContainAnyElementsOf(onFirst);
        assertThat(link(second, "Next page of decisions")).isEmpty();
        assertThat(link(second, "First page of decisions")).isPresent();
    }

    @Test
    void waiversArePaged() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        Api developer = api.as(fixtures.keyWithRole("developer", project));
        String expiresAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < PAGE + 1; i++) {
            HttpResult requested = developer.post(DashboardScenario.releasePath(project) + "/waivers", Map.of("environment", "prod",
                    "rule", "tests-pass", "reason", "Known flake, fix under way.", "ticket", "PAGE-" + i, "expiresAt", expiresAt));
            assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        }
        BrowserSession browser = scenario.signedIn(scenario.user("viewer", project));

        String first = page(browser, DashboardScenario.releasePage(project) + "?environment=prod");
        List<String> onFirst = all(WAIVER_TICKET, section(first, "live-waivers"));
        assertThat(onFirst).hasSize(PAGE);
        String second = page(browser, withoutFragment(link(first, "Next page of waivers").orElseThrow()));
        List<String> onSecond = all(WAIVER_TICKET, section(second, "live-waivers"));
        assertThat(onSecond).hasSize(1).doesNotContainAnyElementsOf(onFirst);
        assertThat(link(second, "Next page of waivers")).isEmpty();
    }

    @Test
    void approvalsArePaged() {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 0);
        Api approver = api.as(fixtures.keyWithRole("developer", project));
        // One approver approving and withdrawing leaves one row per approval, every withdrawn one listed as such.
        for (int i = 0; i < PAGE + 1; i++) {
            HttpResult approved = approver.post(DashboardScenario.releasePath(project) + "/approvals", Map.of("environment", "prod", "role", "developer"));
            assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
            if (i < PAGE) {
                assertThat(approver.delete("/api/v1/approvals/" + approved.json().get("id").asString()).status()).isEqualTo(204);
            }
        }
        BrowserSession browser = scenario.signedIn(scenario.user("viewer", project));

        String first = page(browser, DashboardScenario.releasePage(project));
        assertThat(count(section(first, "live-approvals"), "</strong> as <span>")).isEqualTo(PAGE);
        String second = page(browser, withoutFragment(link(first, "Next page of approvals").orElseThrow()));
        assertThat(count(section(second, "live-approvals"), "</strong> as <span>")).isEqualTo(1);
        assertThat(link(second, "Next page of approvals")).isEmpty();
        assertThat(link(second, "First page of approvals")).isPresent();
    }

    @Test
    void projectsArePagedTwentyAtATime() {
        String viewer = scenario.user(null, null);
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < ProjectsPageController.PAGE_SIZE + 1; i++) {
            String project = fixtures.project();
            projects.add(project);
            assertThat(admin().put("/api/v1/projects/" + project + "/members/" + viewer, Map.of("roles", List.of("viewer"))).status()).isEqualTo(200);
        }
        BrowserSession browser = scenario.signedIn(viewer);

        String first = page(browser, "/projects");
        List<String> onFirst = all(PROJECT_SLUG, first);
        assertThat(onFirst).hasSize(ProjectsPageController.PAGE_SIZE);
        assertThat(link(first, "First page")).isEmpty();
        String second = page(browser, link(first, "Next page").orElseThrow());
        List<String> onSecond = all(PROJECT_SLUG, second);
        assertThat(onSecond).hasSize(1);
        assertThat(link(second, "Next page")).isEmpty();
        assertThat(link(second, "First page")).contains("/projects");
        List<String> seen = new ArrayList<>(onFirst);
        seen.addAll(onSecond);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(projects);
    }

    /** A project whose first environment is staging and second prod, both gated by a fresh strict pack. */
    private String projectWithStagingAndProd() {
        String project = fixtures.project();
        fixtures.environment(project, "staging");
        fixtures.environment(project, "prod");
        String pack = "acme/" + Fixtures.unique("strict");
        assertThat(admin().postBytes("/api/v1/policies", TestPacks.strict(pack, "1.0.0"), "application/yaml").status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/policies/" + pack + "/versions/1.0.0/activate", Map.of()).status()).isEqualTo(200);
        for (String environment : List.of("staging", "prod")) {
            HttpResult gate = admin().put("/api/v1/projects/" + project + "/environments/" + environment + "/gate", Map.of("pack", pack));
            assertThat(gate.status()).as(gate.toString()).isEqualTo(200);
        }
        return project;
    }

    /** The element with this id, up to the end of the page: enough to look only at one list and what follows it. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("an element with id " + id).isNotNegative();
        int end = html.indexOf("data-live-section=", html.indexOf("data-live-section=", start) + 1);
        return end < 0 ? html.substring(start) : html.substring(start, end);
    }

    /** The target of the link with exactly this text, as a browser would follow it. */
    private static Optional<String> link(String html, String text) {
        Matcher matcher = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>" + Pattern.quote(text) + "</a>").matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1).replace("&amp;", "&")) : Optional.empty();
    }

    private static String withoutFragment(String link) {
        int hash = link.indexOf('#');
        return hash < 0 ? link : link.substring(0, hash);
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
