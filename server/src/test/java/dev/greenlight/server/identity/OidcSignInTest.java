package dev.greenlight.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.testing.TestIssuer;

/**
 * Browser sign-in through the OpenID Connect issuer, over real HTTP against the {@link TestIssuer}: the authorization
 * code flow with PKCE, state and nonce; the ID token's subject mapped to the linked user like a bearer JWT's; a
 * session like a password sign-in's. Anything that does not check out leaves the browser signed out.
 */
@ExtendWith(OutputCaptureExtension.class)
class OidcSignInTest extends IntegrationTest implements OidcSignInConfigured {
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @Autowired
    JdbcClient jdbc;

    @Test
    void signInPageOffersTheIssuerBesideThePasswordForm() {
        String page = new BrowserSession(api.baseUrl()).getPage("/login").body();

        assertThat(page).contains("href=\"/oauth2/authorization/oidc\"").contains("Sign in with " + DISPLAY_NAME)
                .contains("name=\"password\"");
    }

    @Test
    void signingInThroughTheIssuerLandsOnTheProjectsPageAsTheLinkedUser(CapturedOutput output) {
        String subject = Fixtures.unique("idp-person");
        String user = linkedUser(subject);
        ISSUER.signInAs(subject);
        int tokensBefore = ISSUER.issuedIdTokens();
        int refusalsBefore = ISSUER.refusals().size();
        OidcSignInFlow flow = new OidcSignInFlow(api.baseUrl());
        flow.browser.getPage("/login");
        String sessionBefore = flow.browser.sessionId().orElseThrow();

        HttpResult start = flow.start();
        Map<String, String> authorization = OidcSignInFlow.query(start.header("Location"));
        assertThat(start.header("Location")).startsWith(ISSUER.authorizationEndpoint() + "?");
        assertThat(authorization).containsEntry("response_type", "code").containsEntry("client_id", TestIssuer.CLIENT_ID)
                .containsEntry("scope", "openid").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", api.baseUrl() + "/login/oauth2/code/oidc")
                .containsKeys("state", "nonce", "code_challenge");
        HttpResult atIssuer = OidcSignInFlow.atIssuer(start);
        assertThat(atIssuer.status()).as(atIssuer.toString()).isEqualTo(302);
        HttpResult back = flow.back(atIssuer.header("Location"));

        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        assertThat(back.header("Location")).endsWith("/projects");
        assertThat(ISSUER.issuedIdTokens()).as("the code was exchanged with the client secret and PKCE verifier").isEqualTo(tokensBefore + 1);
        assertThat(ISSUER.refusals()).as("the issuer refused nothing").hasSize(refusalsBefore);
        String cookie = back.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(BrowserSession.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(flow.browser.sessionId().orElseThrow()).as("a new session id after sign-in (no session fixation)").isNotEqualTo(sessionBefore);
        HttpResult projects = flow.browser.getPage("/projects");
        assertThat(projects.status()).as(projects.toString()).isEqualTo(200);
        assertThat(projects.body()).contains("Signed in as <strong>" + user + "</strong>");
        HttpResult me = flow.browser.get("/api/v1/me");
        assertThat(me.json().get("name").asString()).isEqualTo(user);
        assertThat(me.json().get("credential").asString()).as("the same kind of session as a password sign-in").isEqualTo("session");
        assertThat(output.getAll()).as("the client secret is never logged").doesNotContain(TestIssuer.CLIENT_SECRET);

        HttpResult signedOut = flow.browser.submitForm("/logout", Map.of("_csrf", BrowserSession.csrfTokenIn(projects.body())));
        assertThat(signedOut.header("Location")).endsWith("/login?signed-out");
        assertThat(flow.browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void callbackWithAnotherStateIsRefusedBeforeTheCodeIsExchanged() {
        signedInAtTheIssuerAsALinkedUser();
        int tokensBefore = ISSUER.issuedIdTokens();
        OidcSignInFlow flow = new OidcSignInFlow(api.baseUrl());
        HttpResult atIssuer = OidcSignInFlow.atIssuer(flow.start());
        String callback = atIssuer.header("Location");
        String state = OidcSignInFlow.query(callback).get("state");

        HttpResult back = flow.back(callback.replace("state=" + URLEncoder.encode(state, StandardCharsets.UTF_8), "state=forged-state"));

        assertRefused(flow, back, "failed");
        assertThat(ISSUER.issuedIdTokens()).as("no code was exchanged").isEqualTo(tokensBefore);
    }

    @Test
    void codeDeliveredIntoAnotherBrowserIsRefused() {
        signedInAtTheIssuerAsALinkedUser();
        OidcSignInFlow attacker = new OidcSignInFlow(api.baseUrl());
        String callback = OidcSignInFlow.atIssuer(attacker.start()).header("Location");
        OidcSignInFlow victim = new OidcSignInFlow(api.baseUrl());
        victim.browser.getPage("/login");

        HttpResult back = victim.back(callback);

        assertRefused(victim, back, "failed");
    }

    static Stream<Arguments> untrustworthyIdTokens() {
        return Stream.of(
                idToken("with another nonce", claims -> ISSUER.sign(claims.claim("nonce", "forged-nonce").build())),
                idToken("without a nonce", claims -> ISSUER.sign(claims.claim("nonce", null).build())),
                idToken("for another client", claims -> ISSUER.sign(claims.audience("another-client").build())),
                idToken("from another issuer", claims -> ISSUER.sign(claims.issuer("https://issuer.example.com").build())),
                idToken("expired", claims -> ISSUER.sign(claims.issueTime(ago(Duration.ofMinutes(20))).expirationTime(ago(Duration.ofMinutes(5))).build())),
                idToken("signed by a key the issuer never published",
                        claims -> TestIssuer.sign(claims.build(), TestIssuer.newRsaKey(TestIssuer.KEY_ID))),
                idToken("unsigned (alg none)", claims -> TestIssuer.unsigned(claims.build())));
    }

    @ParameterizedTest(name = "ID token {0}")
    @MethodSource("untrustworthyIdTokens")
    void untrustworthyIdTokenIsRefused(String description, Function<JWTClaimsSet.Builder, String> idToken) {
        signedInAtTheIssuerAsALinkedUser();
        ISSUER.nextIdToken(idToken);
        OidcSignInFlow flow = new OidcSignInFlow(api.baseUrl());

        assertRefused(flow, flow.complete(), "failed");
    }

    @Test
    void unknownSubjectIsRefusedWithAClearPageAndNobodyIsCreated() {
        String stranger = Fixtures.unique("stranger-at-idp");
        ISSUER.signInAs(stranger);
        OidcSignInFlow flow = new OidcSignInFlow(api.baseUrl());

        assertRefused(flow, flow.complete(), "unlinked");

        // The sign-in page names the subject once, so that the person can tell an administrator what to link.
        HttpResult page = flow.browser.getPage("/login?sso=unlinked");
        assertThat(page.body()).contains("not linked to a Greenlight user").contains("<code>" + stranger + "</code>");
        assertThat(flow.browser.getPage("/login?sso=unlinked").body()).doesNotContain(stranger);
        assertThat(jdbc.sql("select count(*) from principals where oidc_subject = :subject").param("subject", stranger)
                .query(Integer.class).single()).as("no principal was created").isZero();
    }

    @Test
    void subjectOfAServiceAccountCannotSignInToTheDashboard() {
        String subject = Fixtures.unique("pipeline-at-idp");
        HttpResult account = admin().post("/api/v1/service-accounts", Map.of("name", Fixtures.unique("pipeline"), "oidcSubject", subject));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        ISSUER.signInAs(subject);
        OidcSignInFlow flow = new OidcSignInFlow(api.baseUrl());

        assertRefused(flow, flow.complete(), "service-account");
        assertThat(api.as(ISSUER.tokenFor(subject)).get("/api/v1/me").status()).as("its bearer JWT still works").isEqualTo(200);
    }

    @Test
    void subjectOfADisabledUserIsRefused() {
        String subject = Fixtures.unique("leaver-at-idp");
        String user = linkedUser(subject);
        assertThat(admin().delete("/api/v1/users/" + user).status()).isEqualTo(204);
        ISSUER.signInAs(subject);
        OidcSignInFlow flow = new OidcSignInFlow(api.baseUrl());

        assertRefused(flow, flow.complete(), "unlinked");
    }

    @Test
    void refusalReasonsOnTheSignInPageAreOnlyTheKnownOnes() {
        BrowserSession browser = new BrowserSession(api.baseUrl());

        assertThat(browser.getPage("/login?sso=unavailable").body()).contains("Greenlight cannot reach it");
        assertThat(browser.getPage("/login?sso=%3Cscript%3Ealert(1)%3C/script%3E").body()).doesNotContain("<script>alert")
                .doesNotContain("role=\"alert\"");
    }

    /**
     * The test issuer's own checks are real, so that a sign-in that worked proves Greenlight sent the right client
     * secret and PKCE verifier: a wrong secret, a wrong verifier or a used code get no ID token.
     */
    @Test
    void testIssuerChecksClientCredentialsCodeAndPkceVerifier() {
        ISSUER.signInAs(Fixtures.unique("idp-person"));
        String verifier = "v".repeat(43) + UUID.randomUUID().toString().replace("-", "");
        String redirectUri = api.baseUrl() + "/login/oauth2/code/oidc";

        String code = authorizationCode(verifier, redirectUri);
        assertThat(exchange(code, verifier, redirectUri, "wrong-secret").status()).isEqualTo(401);
        assertThat(exchange(code, verifier + "x", redirectUri, TestIssuer.CLIENT_SECRET).status()).isEqualTo(400);
        assertThat(ISSUER.refusals()).contains("token: wrong client credentials", "token: PKCE verifier does not match");

        String fresh = authorizationCode(verifier, redirectUri);
        HttpResult tokens = exchange(fresh, verifier, redirectUri, TestIssuer.CLIENT_SECRET);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.json().get("id_token").asString()).isNotBlank();
        assertThat(exchange(fresh, verifier, redirectUri, TestIssuer.CLIENT_SECRET).status()).as("a code works once").isEqualTo(400);
    }

    private String authorizationCode(String verifier, String redirectUri) {
        String url = ISSUER.authorizationEndpoint() + "?response_type=code&scope=openid&state=s&nonce=n&client_id=" + TestIssuer.CLIENT_ID
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=" + TestIssuer.s256(verifier);
        HttpResult answer = Api.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        return OidcSignInFlow.query(answer.header("Location")).get("code");
    }

    private static HttpResult exchange(String code, String verifier, String redirectUri, String secret) {
        String form = "grant_type=authorization_code&code=" + code + "&code_verifier=" + verifier
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString((TestIssuer.CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return Api.send(HttpRequest.newBuilder(URI.create(ISSUER.tokenEndpoint()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private void assertRefused(OidcSignInFlow flow, HttpResult back, String reason) {
        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        assertThat(back.header("Location")).endsWith("/login?sso=" + reason);
        assertThat(flow.browser.get("/api/v1/me").status()).as("not signed in").isEqualTo(401);
        assertThat(flow.browser.getPage("/projects").status()).as("the dashboard still leads to sign-in").isEqualTo(302);
    }

    /** A new user linked to {@code subject} at the issuer; their name. */
    private String linkedUser(String subject) {
        String name = Fixtures.unique("person");
        HttpResult created = admin().post("/api/v1/users", Map.of("name", name, "oidcSubject", subject));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    /** A new linked user, signed in at the issuer (as if they had typed their password there); their name. */
    private String signedInAtTheIssuerAsALinkedUser() {
        String subject = Fixtures.unique("idp-person");
        String user = linkedUser(subject);
        ISSUER.signInAs(subject);
        return user;
    }

    private static Arguments idToken(String description, Function<JWTClaimsSet.Builder, String> make) {
        return Arguments.of(description, make);
    }

    private static Date ago(Duration duration) {
        return Date.from(Instant.now().minus(duration));
    }
}
