package dev.greenlight.server.identity;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Local accounts: password sign-in, the session it starts, CSRF protection of that session, lock-out, passwords. */
class SignInTest extends IntegrationTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String UNAUTHENTICATED = "urn:greenlight:problem:unauthenticated";
    private static final String ACCOUNT_LOCKED = "urn:greenlight:problem:account-locked";
    private static final String CSRF_REJECTED = "urn:greenlight:problem:csrf-rejected";

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsInWithPasswordAndTheSessionCookieAuthenticatesApiCalls() {
        String user = newUser();
        BrowserSession browser = browser();
        String token = browser.csrfTokenFromSignInPage();
        String sessionBeforeSignIn = browser.sessionId().orElseThrow();

        HttpResult signedIn = browser.signIn("default", user, PASSWORD, token);

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.json().get("name").asString()).isEqualTo(user);
        assertThat(signedIn.json().get("workspace").asString()).isEqualTo("default");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(BrowserSession.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(browser.sessionId().orElseThrow()).as("a new session id after sign-in (no session fixation)").isNotEqualTo(sessionBeforeSignIn);

        HttpResult me = browser.get("/api/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo(user);
        assertThat(me.json().get("credential").asString()).isEqualTo("session");
    }

    @Test
    void browserFormSignInLandsOnTheHomePageWhichOffersSigningOut() {
        String user = newUser();
        BrowserSession browser = browser();
        String token = BrowserSession.csrfTokenIn(browser.getPage("/login").body());

        HttpResult wrong = browser.submitForm("/login", Map.of("workspace", "default", "username", user, "password", "wrong password", "_csrf", token));
        HttpResult right = browser.submitForm("/login", Map.of("workspace", "default", "username", user, "password", PASSWORD, "_csrf", token));

        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/login?error");
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.header("Location")).endsWith("/");
        HttpResult home = browser.getPage("/");
        assertThat(home.body()).contains("Signed in as").contains(user);
        String signOutToken = BrowserSession.csrfTokenIn(home.body());
        HttpResult signedOut = browser.submitForm("/logout", Map.of("_csrf", signOutToken));
        assertThat(signedOut.header("Location")).endsWith("/login?signed-out");
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void sessionCallThatChangesSomethingNeedsTheCsrfTokenInItsHeader() {
        BrowserSession browser = signedInBrowser(newUser());
        Map<String, Object> newKey = Map.of("name", "from the browser", "scopes", List.of("self"));

        HttpResult withoutToken = browser.sendJson("POST", "/api/v1/api-keys", newKey);
        HttpResult withWrongToken = browser.sendJson("POST", "/api/v1/api-keys", newKey, "X-CSRF-TOKEN", "not-the-token");

        assertProblem(withoutToken, 403, CSRF_REJECTED);
        assertProblem(withWrongToken, 403, CSRF_REJECTED);
        assertThat(ownKeys(browser)).as("no key was created").isEmpty();

        String token = browser.csrfTokenFromSignInPage();
        HttpResult withToken = browser.sendJson("POST", "/api/v1/api-keys", newKey, "X-CSRF-TOKEN", token);
        assertThat(withToken.status()).as(withToken.toString()).isEqualTo(201);
        assertThat(ownKeys(browser)).hasSize(1);
    }

    @Test
    void csrfTokenFromBeforeSignInDoesNotWorkAfterIt() {
        String user = newUser();
        BrowserSession browser = browser();
        String tokenBeforeSignIn = browser.csrfTokenFromSignInPage();
        assertThat(browser.signIn("default", user, PASSWORD, tokenBeforeSignIn).status()).isEqualTo(200);

        HttpResult reused = browser.sendJson("POST", "/api/v1/api-keys", Map.of("name", "reused token", "scopes", List.of("self")),
                "X-CSRF-TOKEN", tokenBeforeSignIn);

        assertProblem(reused, 403, CSRF_REJECTED);
        assertThat(ownKeys(browser)).isEmpty();
    }

    @Test
    void authorizationHeaderThatBrowsersSendByThemselvesDoesNotExemptSessionCallsFromCsrf() {
        // Browsers repeat Basic credentials (e.g. for a proxy's basic auth) on cross-site requests as they do cookies.
        BrowserSession browser = signedInBrowser(newUser());

        HttpResult forged = browser.sendJson("POST", "/api/v1/api-keys", Map.of("name", "forged", "scopes", List.of("self")),
                "Authorization", "Basic cHJveHk6cGFzc3dvcmQ=");

        assertProblem(forged, 403, CSRF_REJECTED);
        assertThat(ownKeys(browser)).as("no key was created").isEmpty();
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        String user = newUser();
        BrowserSession withSession = browser();
        withSession.csrfTokenFromSignInPage();
        BrowserSession withoutSession = browser();

        assertProblem(withSession.signIn("default", user, PASSWORD, null), 403, CSRF_REJECTED);
        assertProblem(withoutSession.signIn("default", user, PASSWORD, null), 403, CSRF_REJECTED);
        assertThat(withSession.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String user = newUser();
        BrowserSession browser = browser();
        String token = browser.csrfTokenFromSignInPage();

        lockOut(browser, token, user);

        HttpResult rightPassword = browser.signIn("default", user, PASSWORD, token);
        assertProblem(rightPassword, 401, ACCOUNT_LOCKED);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(admin().get("/api/v1/users/" + user).json().get("locked").asBoolean()).isTrue();
    }

    @Test
    void concurrentGuessesGetNoMoreTriesThanTheLimit() throws Exception {
        String user = newUser();
        int guesses = 10;
        List<BrowserSession> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            BrowserSession browser = browser();
            tokens.add(browser.csrfTokenFromSignInPage());
            browsers.add(browser);
        }

        List<HttpResult> answers = new ArrayList<>();
        try (ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResult>> pending = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                BrowserSession browser = browsers.get(i);
                String token = tokens.get(i);
                String guess = "guess number " + i;
                pending.add(attackers.submit(() -> {
                    start.await();
                    return browser.signIn("default", user, guess, token);
                }));
            }
            start.countDown();
            for (Future<HttpResult> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        }

        long passwordsChecked = answers.stream().filter(answer -> answer.json().get("type").asString().equals(UNAUTHENTICATED)).count();
        long refusedAsLocked = answers.stream().filter(answer -> answer.json().get("type").asString().equals(ACCOUNT_LOCKED)).count();
        assertThat(passwordsChecked).as("guesses that were checked against the password").isLessThanOrEqualTo(5);
        assertThat(passwordsChecked + refusedAsLocked).isEqualTo(guesses);
        BrowserSession owner = browser();
        String ownerToken = owner.csrfTokenFromSignInPage();
        assertProblem(owner.signIn("default", user, PASSWORD, ownerToken), 401, ACCOUNT_LOCKED);
    }

    @Test
    void administratorSettingThePasswordLiftsTheLock() {
        String user = newUser();
        BrowserSession browser = browser();
        String token = browser.csrfTokenFromSignInPage();
        lockOut(browser, token, user);

        HttpResult reset = admin().put("/api/v1/users/" + user + "/password", Map.of("password", "a brand new password"));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(admin().get("/api/v1/users/" + user).json().get("locked").asBoolean()).isFalse();
        HttpResult signedIn = browser.signIn("default", user, "a brand new password", token);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    }

    @Test
    void lockEndsWhenItsTimeHasPassed() {
        String user = newUser();
        BrowserSession browser = browser();
        String token = browser.csrfTokenFromSignInPage();
        lockOut(browser, token, user);
        assertProblem(browser.signIn("default", user, PASSWORD, token), 401, ACCOUNT_LOCKED);

        int moved = jdbc.sql("update principals set locked_until = now() - interval '1 second' where name = :name")
                .param("name", user).update();

        assertThat(moved).isEqualTo(1);
        HttpResult signedIn = browser.signIn("default", user, PASSWORD, token);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    }

    @Test
    void unknownUserWrongPasswordAndUnknownWorkspaceGetTheSameAnswer() {
        String user = newUser();
        BrowserSession browser = browser();
        String token = browser.csrfTokenFromSignInPage();

        HttpResult wrongPassword = browser.signIn("default", user, "not the password", token);
        HttpResult unknownUser = browser.signIn("default", Fixtures.unique("nobody"), "not the password", token);
        HttpResult unknownWorkspace = browser.signIn("no-such-workspace", user, PASSWORD, token);

        for (HttpResult answer : List.of(wrongPassword, unknownUser, unknownWorkspace)) {
            assertProblem(answer, 401, UNAUTHENTICATED);
        }
        assertThat(withoutPerRequestMembers(unknownUser)).isEqualTo(withoutPerRequestMembers(wrongPassword))
                .isEqualTo(withoutPerRequestMembers(unknownWorkspace));
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOne() {
        String user = newUser();
        BrowserSession browser = signedInBrowser(user);
        String token = browser.csrfTokenFromSignInPage();

        HttpResult wrongCurrent = browser.sendJson("PUT", "/api/v1/me/password",
                Map.of("currentPassword", "not the password", "newPassword", "another good password"), "X-CSRF-TOKEN", token);
        assertProblem(wrongCurrent, 403, "urn:greenlight:problem:forbidden");
        assertThat(signInStatus(user, PASSWORD)).as("the password did not change").isEqualTo(200);

        HttpResult changed = browser.sendJson("PUT", "/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "another good password"), "X-CSRF-TOKEN", token);

        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(signInStatus(user, "another good password")).isEqualTo(200);
        assertThat(signInStatus(user, PASSWORD)).isEqualTo(401);
    }

    @Test
    void passwordsShorterThanTwelveCharactersAreRefusedWithFieldErrors() {
        String user = newUser();
        BrowserSession browser = signedInBrowser(user);

        HttpResult ownChange = browser.sendJson("PUT", "/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "short-11chr"), "X-CSRF-TOKEN", browser.csrfTokenFromSignInPage());
        String shortName = Fixtures.unique("short");
        HttpResult creation = admin().post("/api/v1/users", Map.of("name", shortName, "password", "eleven char"));
        HttpResult reset = admin().put("/api/v1/users/" + user + "/password", Map.of("password", "too short"));

        assertProblem(ownChange, 400, "urn:greenlight:problem:validation-failed");
        assertThat(fieldsWithErrors(ownChange)).containsExactly("newPassword");
        assertProblem(creation, 400, "urn:greenlight:problem:validation-failed");
        assertThat(fieldsWithErrors(creation)).containsExactly("password");
        assertProblem(reset, 400, "urn:greenlight:problem:validation-failed");
        assertThat(fieldsWithErrors(reset)).containsExactly("password");
        assertThat(admin().get("/api/v1/users/" + shortName).status()).as("the user was not created").isEqualTo(404);
        assertThat(signInStatus(user, PASSWORD)).as("the password did not change").isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        BrowserSession browser = signedInBrowser(newUser());
        String session = browser.sessionId().orElseThrow();

        HttpResult signedOut = browser.postForm("/logout", Map.of("_csrf", browser.csrfTokenFromSignInPage()));

        assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(204);
        assertProblem(browser.get("/api/v1/me"), 401, UNAUTHENTICATED);
        assertProblem(BrowserSession.presenting(api.baseUrl(), session).get("/api/v1/me"), 401, UNAUTHENTICATED);
    }

    @Test
    void disablingAUserEndsItsSessions() {
        String user = newUser();
        BrowserSession browser = signedInBrowser(user);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);

        HttpResult disabled = admin().delete("/api/v1/users/" + user);

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);
        assertProblem(browser.get("/api/v1/me"), 401, UNAUTHENTICATED);
        assertThat(signInStatus(user, PASSWORD)).isEqualTo(401);
    }

    private String newUser() {
        String name = Fixtures.unique("person");
        HttpResult created = admin().post("/api/v1/users", Map.of("name", name, "displayName", "Person " + name,
                "email", name + "@example.com", "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private BrowserSession browser() {
        return new BrowserSession(api.baseUrl());
    }

    private BrowserSession signedInBrowser(String user) {
        BrowserSession browser = browser();
        browser.signInOrFail(user, PASSWORD);
        return browser;
    }

    private int signInStatus(String user, String password) {
        BrowserSession browser = browser();
        return browser.signIn("default", user, password, browser.csrfTokenFromSignInPage()).status();
    }

    private static void lockOut(BrowserSession browser, String token, String user) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(browser.signIn("default", user, "wrong password " + attempt, token), 401, UNAUTHENTICATED);
        }
    }

    private static List<JsonNode> ownKeys(BrowserSession browser) {
        HttpResult keys = browser.get("/api/v1/api-keys");
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        return keys.json().get("items").valueStream().toList();
    }

    private static List<String> fieldsWithErrors(HttpResult problem) {
        return problem.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    /** A problem document without the members that differ per request (instance path, trace id). */
    private static Map<String, Object> withoutPerRequestMembers(HttpResult problem) {
        JsonNode json = problem.json();
        return Map.of("status", problem.status(), "type", json.get("type").asString(), "title", json.get("title").asString(),
                "detail", json.get("detail").asString());
    }
}
