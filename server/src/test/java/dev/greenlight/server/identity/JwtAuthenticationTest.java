package dev.greenlight.server.identity;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.RestrictedSettingsTest;
import dev.greenlight.server.testing.TestIssuer;

/**
 * Bearer JWTs from the trusted issuer: signature checked against its JWKS, issuer, audience and time checked, and the
 * subject mapped to the principal linked to it. Anything else is a 401, never an anonymous request.
 */
class JwtAuthenticationTest extends RestrictedSettingsTest {
    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String UNAUTHENTICATED = "urn:greenlight:problem:unauthenticated";

    @Test
    void tokenFromTheIssuerAuthenticatesTheLinkedServiceAccount() {
        String subject = Fixtures.unique("github-actions-repo");
        String account = linkedServiceAccount(subject);

        HttpResult me = api.as(ISSUER.tokenFor(subject)).get("/api/v1/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo(account);
        assertThat(me.json().get("kind").asString()).isEqualTo("service-account");
        assertThat(me.json().get("credential").asString()).isEqualTo("jwt");
        assertThat(ISSUER.jwksRequests()).as("the key came from the issuer's JWKS").isPositive();
    }

    @Test
    void tokenFromTheIssuerAuthenticatesTheLinkedUser() {
        String subject = Fixtures.unique("person-at-idp");
        String user = Fixtures.unique("person");
        HttpResult created = admin().post("/api/v1/users", Map.of("name", user, "oidcSubject", subject));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        HttpResult me = api.as(ISSUER.tokenFor(subject)).get("/api/v1/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo(user);
        assertThat(me.json().get("kind").asString()).isEqualTo("user");
    }

    static Stream<Arguments> untrustworthyTokens() {
        return Stream.of(
                refused("meant for another audience", subject -> ISSUER.sign(ISSUER.claimsFor(subject).audience("another-service").build())),
                refused("from another issuer", subject -> ISSUER.sign(ISSUER.claimsFor(subject).issuer("https://issuer.example.com").build())),
                refused("expired", subject -> ISSUER.sign(ISSUER.claimsFor(subject)
                        .issueTime(ago(Duration.ofMinutes(20))).notBeforeTime(ago(Duration.ofMinutes(20)))
                        .expirationTime(ago(Duration.ofMinutes(5))).build())),
                refused("not valid yet", subject -> ISSUER.sign(ISSUER.claimsFor(subject)
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build())),
                refused("without an expiry", subject -> ISSUER.sign(ISSUER.claimsFor(subject).expirationTime(null).build())),
                refused("signed by another key under the issuer's key id",
                        subject -> TestIssuer.sign(ISSUER.claimsFor(subject).build(), TestIssuer.newRsaKey(TestIssuer.KEY_ID))),
                refused("signed by a key the issuer never published",
                        subject -> TestIssuer.sign(ISSUER.claimsFor(subject).build(), TestIssuer.newRsaKey("unknown-key"))),
                refused("unsigned (alg none)", subject -> TestIssuer.unsigned(ISSUER.claimsFor(subject).build())),
                refused("HMAC-signed with the issuer's public key", subject -> hmacSignedWithPublicKey(ISSUER.claimsFor(subject).build())),
                refused("for a subject nobody is linked to", subject -> ISSUER.tokenFor(Fixtures.unique("stranger"))),
                refused("with its signature cut off", subject -> withoutSignature(ISSUER.tokenFor(subject))));
    }

    @ParameterizedTest(name = "token {0}")
    @MethodSource("untrustworthyTokens")
    void untrustworthyTokenIsRefused(String description, Function<String, String> tokenFor) {
        String subject = Fixtures.unique("subject");
        linkedServiceAccount(subject);
        assertThat(api.as(ISSUER.tokenFor(subject)).get("/api/v1/me").status()).as("control: a good token works").isEqualTo(200);

        HttpResult refused = api.as(tokenFor.apply(subject)).get("/api/v1/me");

        assertProblem(refused, 401, UNAUTHENTICATED);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void tokenOfADisabledServiceAccountIsRefused() {
        String subject = Fixtures.unique("retired-pipeline");
        String account = linkedServiceAccount(subject);
        String token = ISSUER.tokenFor(subject);
        assertThat(api.as(token).get("/api/v1/me").status()).isEqualTo(200);

        assertThat(admin().delete("/api/v1/service-accounts/" + account).status()).isEqualTo(204);

        assertProblem(api.as(token).get("/api/v1/me"), 401, UNAUTHENTICATED);
    }

    @Test
    void apiKeysStillWorkWhenJwtsAreAccepted() {
        String key = fixtures.keyWithoutRoles();

        HttpResult me = api.as(key).get("/api/v1/me");
        HttpResult badKey = api.as(key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a")).get("/api/v1/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("credential").asString()).startsWith("api-key:");
        assertProblem(badKey, 401, UNAUTHENTICATED);
    }

    private String linkedServiceAccount(String subject) {
        String name = Fixtures.unique("pipeline");
        HttpResult created = admin().post("/api/v1/service-accounts", Map.of("name", name, "oidcSubject", subject));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static Arguments refused(String description, Function<String, String> tokenFor) {
        return Arguments.of(description, tokenFor);
    }

    private static Date ago(Duration duration) {
        return Date.from(Instant.now().minus(duration));
    }

    private static String withoutSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    /** The classic algorithm-confusion forgery: HS256 keyed with the RSA public key anyone can fetch. */
    private static String hmacSignedWithPublicKey(JWTClaimsSet claims) {
        try {
            RSAKey published = ISSUER.publishedKey();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestIssuer.KEY_ID).build(), claims);
            jwt.sign(new MACSigner(published.toPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
