package dev.greenlight.server.dashboard;

import static dev.greenlight.server.dashboard.DashboardScenario.assertWellFormed;
import static dev.greenlight.server.dashboard.DashboardScenario.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** The API keys page over HTTP with a signed-in session: the list and its pages, creating (the secret shown once), revoking, errors. */
class ApiKeysPageTest extends IntegrationTest {
    private static final String PAGE = "/settings/api-keys";
    private static final Pattern KEY_ID = Pattern.compile("<td><code>([a-z2-7]{16})</code></td>");
    private static final Pattern SECRET = Pattern.compile("id=\"new-key-secret\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*id=\"new-key-secret\"");

    private DashboardScenario scenario;
    private String user;
    private BrowserSession browser;

    @BeforeEach
    void signedInDeveloper() {
        scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = fixtures.project();
        user = scenario.user("developer", project);
        browser = scenario.signedIn(user);
    }

    @Test
    void withoutKeysShowsTheEmptyStateAndOffersTheCallersPermissionsAsScopes() {
        String html = page(browser, PAGE);

        assertThat(html).contains("You have no API keys yet").contains("Create a key")
                .contains("value=\"*\"").contains("value=\"project:read\"").contains("value=\"releases:create\"")
                .contains("value=\"api-keys:own\"")
                // A developer approves nothing's waivers and administers nothing: not offered.
                .doesNotContain("value=\"waivers:approve\"").doesNotContain("value=\"workspace:admin\"")
                .doesNotContain("value=\"ledger-keys:manage\"");
    }

    @Test
    void createsAKeyShowingItsSecretOnceAndTheKeyWorks() {
        String before = page(browser, PAGE);
        String expires = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

        HttpResult created = browser.submitForm(PAGE, form(BrowserSession.csrfTokenIn(before), "ci-deploy", expires, "project:read", "releases:create"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertWellFormed(created.body());
        String secret = secretIn(created.body());
        assertThat(created.body()).contains("Key <span>ci-deploy</span> created").contains("shown only this once")
                .contains("readonly").contains("class=\"copy-button\"").contains("src=\"/js/copy-button.js\"");
        // The key works, within its scopes.
        assertThat(api.as(secret).get("/api/v1/projects").status()).isEqualTo(200);
        assertThat(api.as(secret).get("/api/v1/api-keys").status()).isEqualTo(403);

        String after = page(browser, PAGE);
        assertThat(after).doesNotContain(secret).doesNotContain("new-key-secret").doesNotContain("copy-button.js")
                .contains("ci-deploy").contains("<code>project:read</code>").contains("<code>releases:create</code>")
                .contains(expires + "T00:00:00Z").contains(">Revoke<");
    }

    @Test
    void revokingAKeyRedirectsBackAndTheKeyStopsWorking() {
        String before = page(browser, PAGE);
        String secret = secretIn(browser.submitForm(PAGE, form(BrowserSession.csrfTokenIn(before), "to-revoke", "", "project:read")).body());
        assertThat(api.as(secret).get("/api/v1/projects").status()).isEqualTo(200);
        String listed = page(browser, PAGE);
        Matcher revoke = Pattern.compile("action=\"(/settings/api-keys/[^\"]+/revoke)\"").matcher(listed);
        assertThat(revoke.find()).isTrue();

        HttpResult revoked = browser.submitForm(revoke.group(1), Map.of("_csrf", BrowserSession.csrfTokenIn(listed)));

        assertThat(revoked.status()).isEqualTo(302);
        assertThat(revoked.header("Location")).endsWith(PAGE);
        String after = page(browser, PAGE);
        assertThat(after).contains("is revoked").contains("class=\"key-revoked\"").doesNotContain(">Revoke<");
        assertThat(api.as(secret).get("/api/v1/projects").status()).isEqualTo(401);
    }

    @Test
    void keysArePagedNewestFirstAndRevokingKeepsThePage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < ApiKeyPageModel.PAGE_SIZE + 2; i++) {
            HttpResult key = admin().post("/api/v1/users/" + user + "/api-keys", Map.of("name", "key-" + i, "scopes", List.of("project:read")));
            assertThat(key.status()).as(key.toString()).isEqualTo(201);
            created.add(key.json().get("id").asString());
        }

        String first = page(browser, PAGE);
        List<String> onFirst = keyIdsIn(first);
        assertThat(onFirst).hasSize(ApiKeyPageModel.PAGE_SIZE).first().as("newest first").isEqualTo(created.getLast());
        assertThat(link(first, "Newest keys")).isEmpty();
        String next = link(first, "Next page of keys").orElseThrow();
        assertThat(next).startsWith(PAGE + "?cursor=").endsWith("#keys-heading");
        String secondPath = next.substring(0, next.indexOf('#'));

        String second = page(browser, secondPath);
        List<String> onSecond = keyIdsIn(second);
        assertThat(onSecond).containsExactly(created.get(1), created.getFirst());
        assertThat(link(second, "Next page of keys")).isEmpty();
        assertThat(link(second, "Newest keys")).contains(PAGE + "#keys-heading");
        List<String> seen = new ArrayList<>(onFirst);
        seen.addAll(onSecond);
        assertThat(seen).as("every key once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);

        HttpResult revoked = browser.submitForm(PAGE + "/" + created.getFirst() + "/revoke",
                Map.of("_csrf", BrowserSession.csrfTokenIn(second), "cursor", secondPath.substring(secondPath.indexOf('=') + 1)));
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(revoked.header("Location")).as("back to the page the key was on").endsWith(secondPath);
        String afterRevoking = page(browser, secondPath);
        assertThat(afterRevoking).contains("is revoked").contains("class=\"key-revoked\"");
        assertThat(keyIdsIn(afterRevoking)).containsExactly(created.get(1), created.getFirst());

        HttpResult forged = browser.getPage(PAGE + "?cursor=not-a-cursor");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("The cursor is not one this server issued.");
    }

    @Test
    void aNewKeyIsShownOnceAboveTheFirstPageOfKeys() {
        for (int i = 0; i < ApiKeyPageModel.PAGE_SIZE; i++) {
            assertThat(admin().post("/api/v1/users/" + user + "/api-keys", Map.of("name", "older-" + i, "scopes", List.of("self")))
                    .status()).isEqualTo(201);
        }
        String before = page(browser, PAGE);

        HttpResult created = browser.submitForm(PAGE, form(BrowserSession.csrfTokenIn(before), "newest", "", "project:read"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String secret = secretIn(created.body());
        assertThat(keyIdsIn(created.body())).hasSize(ApiKeyPageModel.PAGE_SIZE).first()
                .isEqualTo(secret.substring("glk_".length(), "glk_".length() + 16));
        assertThat(link(created.body(), "Next page of keys")).isPresent();
    }

    @Test
    void invalidFieldsAreShownNextToThemAndKeepWhatWasTyped() {
        String before = page(browser, PAGE);

        HttpResult refused = browser.submitForm(PAGE, form(BrowserSession.csrfTokenIn(before), "", "2001-01-01"));

        assertThat(refused.status()).isEqualTo(400);
        assertWellFormed(refused.body());
        assertThat(refused.body()).contains("id=\"key-name-error\"").contains("id=\"key-scopes-error\"").contains("Choose at least one scope.")
                .contains("id=\"key-expires-error\"").contains("Choose a day after today.").contains("value=\"2001-01-01\"")
                .doesNotContain("new-key-secret");

        HttpResult escalating = browser.submitForm(PAGE, form(BrowserSession.csrfTokenIn(before), "too-much", "", "workspace:admin"));
        assertThat(escalating.status()).isEqualTo(400);
        assertThat(escalating.body()).contains("Choose only among the permissions you hold.").contains("value=\"too-much\"");
        assertThat(page(browser, PAGE)).contains("You have no API keys yet");
    }

    @Test
    void anotherUsersKeyCannotBeRevokedFromHere() {
        String other = scenario.user(null, null);
        BrowserSession otherBrowser = scenario.signedIn(other);
        String otherPage = page(otherBrowser, PAGE);
        String secret = secretIn(otherBrowser.submitForm(PAGE, form(BrowserSession.csrfTokenIn(otherPage), "theirs", "", "*")).body());
        Matcher id = Pattern.compile("action=\"/settings/api-keys/([^\"]+)/revoke\"").matcher(page(otherBrowser, PAGE));
        assertThat(id.find()).isTrue();

        String mine = page(browser, PAGE);
        HttpResult refused = browser.submitForm(PAGE + "/" + id.group(1) + "/revoke", Map.of("_csrf", BrowserSession.csrfTokenIn(mine)));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(page(browser, PAGE)).contains("The key was not revoked");
        assertThat(page(otherBrowser, PAGE)).doesNotContain("class=\"key-revoked\"");
        assertThat(api.as(secret).get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void formsNeedTheCsrfTokenAndPagesASession() {
        HttpResult withoutToken = browser.submitForm(PAGE, form(null, "no-token", "", "project:read"));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.contentType()).startsWith("application/problem+json");

        HttpResult anonymous = new BrowserSession(api.baseUrl()).getPage(PAGE);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }

    @Test
    void aKeyWithoutApiKeysOwnCannotOpenThePage() {
        String key = fixtures.keyFor(createdServiceAccount(), List.of("project:read"));

        HttpResult refused = api.as(key).get(PAGE);

        assertThat(refused.status()).isEqualTo(403);
    }

    private String createdServiceAccount() {
        String name = dev.greenlight.server.testing.Fixtures.unique("bot");
        assertThat(admin().post("/api/v1/service-accounts", Map.of("name", name)).status()).isEqualTo(201);
        return name;
    }

    private static Map<String, String> form(String csrfToken, String name, String expiresOn, String... scopes) {
        // BrowserSession posts a map, so the checked boxes go as one comma-separated value, which Spring binds as a list.
        Map<String, String> form = new LinkedHashMap<>();
        if (csrfToken != null) {
            form.put("_csrf", csrfToken);
        }
        form.put("name", name);
        form.put("expiresOn", expiresOn);
        if (scopes.length > 0) {
            form.put("scopes", String.join(",", scopes));
        }
        return form;
    }

    private static List<String> keyIdsIn(String html) {
        return KEY_ID.matcher(html).results().map(found -> found.group(1)).toList();
    }

    private static Optional<String> link(String html, String text) {
        Matcher matcher = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>" + Pattern.quote(text) + "</a>").matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1).replace("&amp;", "&")) : Optional.empty();
    }

    private static String secretIn(String html) {
        Matcher matcher = SECRET.matcher(html);
        assertThat(matcher.find()).as("the new key's secret on the page").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
