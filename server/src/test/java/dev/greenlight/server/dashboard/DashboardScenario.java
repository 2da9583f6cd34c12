package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.TestPacks;

/**
 * Builds what the dashboard tests look at through the API, as people and CI would: projects gated by a strict pack,
 * releases with test reports, and users with roles who sign in with a password.
 */
final class DashboardScenario {
    static final String PASSWORD = "correct horse battery";
    static final String VERSION = "1.0.0";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private final Api admin;
    private final Fixtures fixtures;
    private final String baseUrl;

    DashboardScenario(Api admin, Fixtures fixtures, String baseUrl) {
        this.admin = admin;
        this.fixtures = fixtures;
        this.baseUrl = baseUrl;
    }

    /** A project with a prod environment gated by a fresh strict pack (a blocker on failed tests, a warning without an SBOM). */
    String gatedProject() {
        String project = fixtures.project();
        fixtures.environment(project, "prod");
        String pack = "acme/" + Fixtures.unique("strict");
        assertThat(admin.postBytes("/api/v1/policies", TestPacks.strict(pack, "1.0.0"), "application/yaml").status()).isEqualTo(201);
        HttpResult activated = admin.post("/api/v1/policies/" + pack + "/versions/1.0.0/activate", Map.of());
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        HttpResult gate = admin.put("/api/v1/projects/" + project + "/environments/prod/gate", Map.of("pack", pack));
        assertThat(gate.status()).as(gate.toString()).isEqualTo(200);
        return project;
    }

    /** Registers release 1.0.0 (by the administrator, so that the users may approve it) with a test report. */
    void releaseWithTests(String project, int failed) {
        fixtures.release(project, VERSION);
        HttpResult uploaded = admin.postBytes(releasePath(project) + "/evidence", TestPacks.junit(failed), "application/xml");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }

    /** A new user holding {@code role} on the project (none when project is null); their name. */
    String user(String role, String project) {
        String name = Fixtures.unique("person");
        HttpResult created = admin.post("/api/v1/users", Map.of("name", name, "displayName", "Person " + name,
                "email", name + "@example.com", "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        if (project != null) {
            HttpResult granted = admin.put("/api/v1/projects/" + project + "/members/" + name, Map.of("roles", List.of(role)));
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        }
        return name;
    }

    BrowserSession signedIn(String user) {
        BrowserSession browser = new BrowserSession(baseUrl);
        browser.signInOrFail(user, PASSWORD);
        return browser;
    }

    static String releasePath(String project) {
        return "/api/v1/projects/" + project + "/releases/" + VERSION;
    }

    static String releasePage(String project) {
        return "/projects/" + project + "/releases/" + VERSION;
    }

    /** Fetches a page, which must be well-formed for the CSP and for screen readers. */
    static String page(BrowserSession browser, String path) {
        HttpResult page = browser.getPage(path);
        assertThat(page.status()).as(path + ": " + page).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertWellFormed(page.body());
        return page.body();
    }

    /** No inline script or style (the CSP would block them), one h1, one main landmark, a language. */
    static void assertWellFormed(String html) {
        assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script>").isFalse();
        assertThat(EVENT_HANDLER.matcher(html).find()).as("inline event handler").isFalse();
        assertThat(html).doesNotContainIgnoringCase(" style=").doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("javascript:");
        assertThat(count(html, "<h1")).as("h1 elements").isEqualTo(1);
        assertThat(count(html, "<main")).as("main landmarks").isEqualTo(1);
        assertThat(html).contains("<html lang=\"en\"").contains("href=\"#main\"").contains("id=\"main\"");
    }

    static int count(String html, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(html);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
