package dev.greenlight.server.dashboard;

import static dev.greenlight.server.dashboard.DashboardScenario.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/** The ledger page over HTTP with a signed-in session: the verified checkpoint, filters, pagination, permissions. */
class LedgerPageTest extends IntegrationTest {
    private static final Pattern NEXT_PAGE = Pattern.compile("href=\"(/ledger\\?[^\"]*cursor=[^\"]*)\" rel=\"next\"");
    private static final Pattern ROW_INDEX = Pattern.compile("<th scope=\"row\">(\\d+)</th>");

    private DashboardScenario scenario;
    private String project;
    private BrowserSession reader;

    @BeforeEach
    void projectWithEntriesAndAWorkspaceViewer() {
        scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        project = fixtures.project();
        fixtures.environment(project, "prod");
        fixtures.release(project, DashboardScenario.VERSION);
        String viewer = scenario.user(null, null);
        HttpResult granted = admin().put("/api/v1/workspace/members/" + viewer, Map.of("roles", List.of("viewer")));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        reader = scenario.signedIn(viewer);
    }

    @Test
    void showsTheLatestCheckpointVerifiedByTheServerWithTheKeyThatSignedIt() {
        HttpResult signed = admin().post("/api/v1/ledger/default/checkpoint", Map.of());
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        // Other tests of the suite rotate keys: the signer is an active one, not necessarily the first listed.
        String keyId = admin().get("/api/v1/ledger/keys").json().get("items").values().stream()
                .filter(key -> key.get("active").asBoolean()).findFirst().orElseThrow().get("keyId").asString();

        String html = page(reader, "/ledger");

        assertThat(html).contains("Latest checkpoint").contains("Signature verified by the server").doesNotContain("NOT verified")
                .contains(keyId).contains(signed.json().get("root").asString())
                .contains("href=\"/ledger/default/checkpoint\"");
        assertThat(html).contains("<dd>" + signed.json().get("size").asLong() + "</dd>").doesNotContain("href=\"/ledger/default/checkpoint?");
    }

    @Test
    void filtersByProjectAndKindAndLinksEachEntrysJsonAndProof() {
        String all = page(reader, "/ledger?project=" + project);
        assertThat(indexes(all)).hasSize(3);
        assertThat(all).contains("project.created").contains("environment.created").contains("release.created")
                .contains("version: " + DashboardScenario.VERSION);
        String firstIndex = indexes(all).getFirst();
        assertThat(all).contains("href=\"/api/v1/ledger/default/entries/" + firstIndex + "\"")
                .contains("href=\"/api/v1/ledger/default/entries/" + firstIndex + "/proof\"");

        String releases = page(reader, "/ledger?project=" + project + "&kind=release.created");
        assertThat(indexes(releases)).hasSize(1);
        assertThat(releases).contains("release.created").doesNotContain("<code>project.created</code>")
                .contains("value=\"release.created\"").contains("Clear filters");

        String byActor = page(reader, "/ledger?project=" + project + "&actor=nobody-" + project);
        assertThat(indexes(byActor)).isEmpty();
        assertThat(byActor).contains("No entries match these filters");
    }

    @Test
    void filtersByDayInUtc() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(indexes(page(reader, "/ledger?project=" + project + "&from=" + today + "&to=" + today))).hasSize(3);
        assertThat(indexes(page(reader, "/ledger?project=" + project + "&from=" + today.plusDays(1)))).isEmpty();
        assertThat(indexes(page(reader, "/ledger?project=" + project + "&to=" + today.minusDays(1)))).isEmpty();
    }

    @Test
    void anUnreadableDateIsShownNextToItsFieldAndListsNothing() {
        String html = page(reader, "/ledger?project=" + project + "&from=yesterday");

        assertThat(html).contains("id=\"filter-from-error\"").contains("Enter a date as YYYY-MM-DD.").contains("aria-invalid=\"true\"")
                .contains("value=\"yesterday\"");
        assertThat(indexes(html)).isEmpty();
    }

    @Test
    void pagesWithCursorLinksThatKeepTheFilters() {
        String first = page(reader, "/ledger?project=" + project + "&limit=2");
        List<String> firstIndexes = indexes(first);
        assertThat(firstIndexes).hasSize(2);
        assertThat(first).doesNotContain("First page");
        Matcher next = NEXT_PAGE.matcher(first);
        assertThat(next.find()).as("a next-page link").isTrue();
        String nextLink = next.group(1).replace("&amp;", "&");
        assertThat(nextLink).contains("project=" + project).contains("limit=2");

        String second = page(reader, nextLink);
        assertThat(indexes(second)).hasSize(1).doesNotContainAnyElementsOf(firstIndexes);
        assertThat(second).contains("First page").doesNotContain("rel=\"next\"");
    }

    @Test
    void needsLedgerReadOnTheWorkspace() {
        String developer = scenario.user("developer", project);

        HttpResult refused = scenario.signedIn(developer).getPage("/ledger");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("ledger:read");
    }

    @Test
    void withoutSessionLeadsToSignIn() {
        HttpResult page = new BrowserSession(api.baseUrl()).getPage("/ledger");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }

    private static List<String> indexes(String html) {
        return ROW_INDEX.matcher(html).results().map(result -> result.group(1)).toList();
    }
}
