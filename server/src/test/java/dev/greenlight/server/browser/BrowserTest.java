package dev.greenlight.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/**
 * Base of the tests that drive the server's pages in a real Chromium (docs/testing.md). The application is the one
 * of {@link IntegrationTest}; the browser is started once per test class; every test gets a fresh, cookie-free
 * {@link #browserContext} and {@link #page} whose relative URLs go to the server ({@code page.navigate("/login")}).
 * After each test, any Content-Security-Policy violation or uncaught script error seen in its pages fails it.
 */
@ExtendWith(ChromiumExtension.class)
public abstract class BrowserTest extends IntegrationTest {
    private static final System.Logger LOG = System.getLogger(BrowserTest.class.getName());
    /** The password of the users {@link #newUser()} creates. */
    protected static final String PASSWORD = "correct horse battery";
    private static final double ACTION_TIMEOUT_MILLISECONDS = 15_000;
    private static final Pattern SCREENSHOT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    protected BrowserContext browserContext;
    protected Page page;
    private PageProblems problems;

    @BeforeEach
    void openPage(Browser browser) {
        browserContext = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(api.baseUrl())
                .setViewportSize(1280, 800)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        browserContext.setDefaultTimeout(ACTION_TIMEOUT_MILLISECONDS);
        problems = PageProblems.recordedFrom(browserContext);
        page = browserContext.newPage();
    }

    @AfterEach
    void closePage() {
        if (browserContext == null) {
            return; // openPage did not get as far: its failure is the one to report
        }
        try {
            problems.assertNone();
        } finally {
            browserContext.close();
            browserContext = null;
        }
    }

    /** The absolute URL of a path on the server under test, as {@code page.url()} reports it. */
    protected String url(String path) {
        return api.baseUrl() + path;
    }

    /** A new local user of the default workspace, created through the API, whose password is {@link #PASSWORD}. */
    protected String newUser() {
        String name = Fixtures.unique("person");
        HttpResult created = admin().post("/api/v1/users", Map.of("name", name, "displayName", "Person " + name,
                "email", name + "@example.com", "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    /** Signs in through the real sign-in form and fails, saying what the page says, if it lands back on the sign-in page. */
    protected void signIn(String user, String password) {
        submitSignInForm(user, password);
        if (page.url().startsWith(url("/login"))) {
            throw new AssertionError("signing in as '" + user + "' led back to " + page.url() + ", which says: "
                    + page.locator("main").innerText());
        }
    }

    /**
     * Opens the sign-in page, fills in the user and password (the workspace field keeps its default), submits, and
     * waits until the page the server redirects to has loaded. Fails at once, with the answer, when the server does
     * not redirect (a refused form).
     */
    protected void submitSignInForm(String user, String password) {
        page.navigate("/login");
        String signInPage = page.url();
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        Response answer = page.waitForResponse(
                response -> response.request().isNavigationRequest() && response.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click());
        if (answer.status() / 100 != 3) {
            throw new AssertionError("the sign-in form was answered with " + answer.status() + " instead of a redirect: "
                    + answer.text() + "\nrequest headers: " + answer.request().allHeaders());
        }
        // The redirect's target may redirect again (a dashboard landing page): wait for whatever page ends up shown.
        page.waitForURL(address -> !address.equals(signInPage));
    }

    /**
     * Runs axe-core in the page as it is now and fails listing every serious or critical violation (rule, impact,
     * what it asks for, the elements' selectors); minor and moderate ones are printed to the test's output only.
     */
    protected void assertAccessible(Page page) {
        List<AccessibilityViolation> violations = accessibilityViolations(page);
        violations.stream().filter(violation -> !violation.blocksSomeone())
                .forEach(violation -> LOG.log(System.Logger.Level.INFO, "accessibility note on " + page.url() + ": " + violation.describe()));
        List<AccessibilityViolation> blocking = violations.stream().filter(AccessibilityViolation::blocksSomeone).toList();
        if (!blocking.isEmpty()) {
            StringBuilder report = new StringBuilder().append(blocking.size()).append(" serious or critical accessibility violation(s) on ")
                    .append(page.url()).append(" (axe-core ").append(AxeAccessibilityCheck.version()).append("):");
            blocking.forEach(violation -> report.append("\n  - ").append(violation.describe()));
            throw new AssertionError(report.toString());
        }
    }

    /** Every axe-core violation of the page as it is now, whatever its impact. */
    protected List<AccessibilityViolation> accessibilityViolations(Page page) {
        return AxeAccessibilityCheck.violations(page);
    }

    /** A full-page PNG at {@code target/screenshots/<test class>/<name>.png} of the server module; returns its path. */
    protected Path screenshot(Page page, String name) {
        if (!SCREENSHOT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a screenshot name is letters, digits, '.', '_' and '-': " + name);
        }
        Path directory = Path.of(System.getProperty("basedir", ""), "target", "screenshots", getClass().getSimpleName());
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = directory.resolve(name + ".png").toAbsolutePath();
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The CSP violations the pages of this test reported so far (Chromium's console messages). */
    protected List<String> cspViolations() {
        return problems.cspViolations();
    }

    /** Returns and forgets the CSP violations so far, for a test that provokes them on purpose. */
    protected List<String> takeCspViolations() {
        return problems.takeCspViolations();
    }
}
