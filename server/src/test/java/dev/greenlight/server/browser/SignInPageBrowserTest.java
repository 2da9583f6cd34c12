package dev.greenlight.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.server.testing.Fixtures;

/** The sign-in page and the home page behind it, as a person with a browser and a keyboard meets them. */
class SignInPageBrowserTest extends BrowserTest {
    private static final String WRONG_CREDENTIALS = "Wrong workspace, user name or password.";
    /** What each element reached by Tab says about itself, and whether it shows that it has the focus. */
    private static final String FOCUSED_ELEMENT = """
            () => {
              const element = document.activeElement;
              const style = getComputedStyle(element);
              const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
              return {
                name: element.getAttribute('name') ?? element.textContent.trim(),
                focusVisible: outlined || style.boxShadow !== 'none',
                style: 'outline: ' + style.outlineStyle + ' ' + style.outlineWidth + '; box-shadow: ' + style.boxShadow
              };
            }""";
    private static final String INLINE_SCRIPT_AND_STYLE = """
            () => [...document.querySelectorAll('script:not([src]), style, [style]')].map(element => element.outerHTML)
              .concat([...document.querySelectorAll('*')].flatMap(element => [...element.attributes])
                .filter(attribute => attribute.name.startsWith('on')).map(attribute => attribute.name + '=' + attribute.value))""";

    @Test
    void signInPageIsAccessibleWithAndWithoutItsNotices() {
        page.navigate("/login");
        assertThat(page).hasTitle("Sign in · Greenlight");
        assertAccessible(page);
        screenshot(page, "sign-in");

        page.navigate("/login?error");
        assertAccessible(page);
        screenshot(page, "sign-in-wrong-password");
    }

    @Test
    void wrongPasswordGetsOneClearMessageThatDoesNotSayWhichPartWasWrong() {
        String user = newUser();

        submitSignInForm(user, "not the password");
        String wrongPasswordAnswer = page.locator("main").innerText();
        assertThat(page).hasURL(url("/login?error"));
        assertThat(page.getByText(WRONG_CREDENTIALS)).isVisible();
        screenshot(page, "wrong-password");

        submitSignInForm(Fixtures.unique("nobody"), "not the password");
        assertThat(page).hasURL(url("/login?error"));
        assertThat(page.locator("main").innerText()).as("an unknown user gets exactly the same page")
                .isEqualTo(wrongPasswordAnswer);
        assertThat(page.request().get("/api/v1/me").status()).as("still signed out").isEqualTo(401);
    }

    @Test
    void rightPasswordLandsOnAnAccessibleHomePageShowingTheUserName() {
        String user = newUser();

        signIn(user, PASSWORD);

        assertThat(page).hasURL(url("/"));
        assertThat(page.getByText("Signed in as")).containsText(user);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        assertAccessible(page);
        screenshot(page, "home-signed-in");
    }

    @Test
    void keyboardReachesWorkspaceUserNamePasswordAndSignInInOrderWithVisibleFocus() {
        page.navigate("/login");

        FocusedElement userName = focusedElement();
        page.keyboard().press("Shift+Tab");
        FocusedElement workspace = focusedElement();
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        FocusedElement password = focusedElement();
        page.keyboard().press("Tab");
        FocusedElement signInButton = focusedElement();

        List<FocusedElement> inTabOrder = List.of(workspace, userName, password, signInButton);
        assertThat(inTabOrder).extracting(FocusedElement::name)
                .as("the sign-in page opens with the user name focused, and Tab walks the form in reading order")
                .containsExactly("workspace", "username", "password", "Sign in");
        for (FocusedElement element : inTabOrder) {
            assertThat(element.focusVisible()).as("focus indicator of %s: %s", element.name(), element.style()).isTrue();
        }
    }

    @Test
    void signingOutReturnsToTheSignedOutState() {
        signIn(newUser(), PASSWORD);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(url("/login?signed-out"));

        assertThat(page.getByText("You are signed out.")).isVisible();
        assertAccessible(page);
        screenshot(page, "signed-out");
        assertThat(page.request().get("/api/v1/me").status()).as("the session is gone").isEqualTo(401);
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(page.getByText("Signed in as")).hasCount(0);
        assertAccessible(page);
        screenshot(page, "home-signed-out");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoInlineScriptOrStyle() {
        String user = newUser();
        for (String path : List.of("/login", "/login?error", "/")) {
            assertStrictAndObeyed(page.navigate(path));
        }
        signIn(user, PASSWORD);
        assertStrictAndObeyed(page.navigate("/"));

        assertThat(cspViolations()).as("CSP violations reported by Chromium").isEmpty();
    }

    private void assertStrictAndObeyed(Response response) {
        String policy = response.headerValue("content-security-policy");
        assertThat(policy).as("CSP of %s", response.url()).isNotNull()
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "base-uri 'self'", "frame-ancestors 'none'")
                .doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*");
        assertThat((List<?>) page.evaluate(INLINE_SCRIPT_AND_STYLE)).as("inline script, style and event handlers on %s", response.url())
                .isEmpty();
    }

    private FocusedElement focusedElement() {
        Map<?, ?> element = (Map<?, ?>) page.evaluate(FOCUSED_ELEMENT);
        return new FocusedElement((String) element.get("name"), (Boolean) element.get("focusVisible"), (String) element.get("style"));
    }

    private record FocusedElement(String name, boolean focusVisible, String style) {
    }
}
