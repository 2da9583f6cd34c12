package dev.greenlight.server.identity;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.greenlight.server.platform.Cursors;
import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * API keys: shown once, stored hashed, scoped, expiring, revocable, listed a page at a time, and refused loudly when
 * anything is wrong.
 */
class ApiKeyTest extends IntegrationTest {
    private static final Pattern TOKEN = Pattern.compile("glk_([a-z2-7]{16})_([a-z2-7]{52})");
    private static final String UNAUTHENTICATED = "urn:greenlight:problem:unauthenticated";
    private static final String FORBIDDEN = "urn:greenlight:problem:forbidden";

    @Autowired
    JdbcClient jdbc;

    @Test
    void newOwnKeyShowsItsTokenOnceAndListsNeverShowSecrets() {
        String ownerKey = fixtures.keyWithoutRoles();

        HttpResult created = api.as(ownerKey).post("/api/v1/api-keys",
                Map.of("name", "laptop", "scopes", List.of("project:read", "api-keys:own")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asString();
        Matcher parts = TOKEN.matcher(token);
        assertThat(parts.matches()).as(token).isTrue();
        String id = created.json().get("id").asString();
        assertThat(parts.group(1)).isEqualTo(id);
        assertThat(created.header("Location")).isEqualTo("/api/v1/api-keys/" + id);
        assertThat(created.json().get("scopes").valueStream().map(JsonNode::asString)).containsExactly("project:read", "api-keys:own");

        HttpResult listed = api.as(token).get("/api/v1/api-keys");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("items").valueStream().map(key -> key.get("id").asString())).contains(id);
        assertThat(secretOf(token)).isEqualTo(parts.group(2));
        assertThat(listed.body()).doesNotContain(parts.group(2)).doesNotContain(token)
                .doesNotContainIgnoringCase("\"token\"").doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("sha256");

        byte[] stored = jdbc.sql("select secret_sha256 from api_keys where id = :id").param("id", id).query(byte[].class).single();
        assertThat(stored).as("only the SHA-256 of the secret is stored").isEqualTo(sha256(parts.group(2)));
    }

    @Test
    void keyScopedToProjectReadCanReadButNotCreateReleases() {
        String project = fixtures.project();
        String account = newServiceAccount();
        HttpResult granted = admin().put("/api/v1/projects/" + project + "/members/" + account, Map.of("roles", List.of("developer")));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        String readOnly = fixtures.keyFor(account, List.of("project:read"));
        String allScopes = fixtures.keyFor(account, List.of("*"));
        Map<String, String> release = Map.of("version", "1.0.0", "commitSha", "b".repeat(40));

        HttpResult read = api.as(readOnly).get("/api/v1/projects/" + project + "/releases");
        HttpResult create = api.as(readOnly).post("/api/v1/projects/" + project + "/releases", release);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertProblem(create, 403, FORBIDDEN);
        assertThat(releaseCount(project)).as("nothing was created").isZero();
        HttpResult sameRoleAllScopes = api.as(allScopes).post("/api/v1/projects/" + project + "/releases", release);
        assertThat(sameRoleAllScopes.status()).as("the role allows it; only the scope refused it: " + sameRoleAllScopes).isEqualTo(201);
    }

    @Test
    void revokedKeyIsRefused() {
        String key = fixtures.keyWithoutRoles();
        assertThat(api.as(key).get("/api/v1/me").status()).isEqualTo(200);

        HttpResult revoked = api.as(key).delete("/api/v1/api-keys/" + idOf(key));

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        assertRefused(api.as(key).get("/api/v1/me"));
    }

    @Test
    void ownKeyEndpointCannotRevokeSomeoneElsesKey() {
        String mine = fixtures.keyWithoutRoles();
        String theirs = fixtures.keyWithoutRoles();

        HttpResult attempt = api.as(mine).delete("/api/v1/api-keys/" + idOf(theirs));

        assertProblem(attempt, 404, "urn:greenlight:problem:not-found");
        assertThat(api.as(theirs).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void expiredKeyIsRefused() {
        String owner = fixtures.keyWithoutRoles();
        HttpResult created = api.as(owner).post("/api/v1/api-keys",
                Map.of("name", "short-lived", "scopes", List.of("self"), "expiresAt", Instant.now().plus(Duration.ofMinutes(5)).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.json().get("token").asString();
        assertThat(api.as(key).get("/api/v1/me").status()).isEqualTo(200);

        int expired = jdbc.sql("update api_keys set expires_at = now() - interval '1 second' where id = :id")
                .param("id", idOf(key)).update();

        assertThat(expired).isEqualTo(1);
        assertRefused(api.as(key).get("/api/v1/me"));
    }

    @Test
    void expiryInThePastIsRefusedAtCreation() {
        String owner = fixtures.keyWithoutRoles();
        int before = ownKeyCount(owner);

        HttpResult created = api.as(owner).post("/api/v1/api-keys",
                Map.of("name", "born expired", "scopes", List.of("self"), "expiresAt", Instant.now().minusSeconds(60).toString()));

        assertProblem(created, 400, "urn:greenlight:problem:bad-request");
        assertThat(ownKeyCount(owner)).isEqualTo(before);
    }

    @Test
    void malformedUnknownAndWrongSecretKeysAreRefusedWithAChallenge() {
        String known = fixtures.keyWithoutRoles();
        String validLooking = "glk_" + "a".repeat(16) + "_" + "b".repeat(52);
        List<String> refused = List.of(
                "glk_tooshort",
                "glk_" + idOf(known) + "_" + "c".repeat(52),
                validLooking,
                known.toUpperCase(),
                known + "x");

        for (String key : refused) {
            for (String path : List.of("/api/v1/me", "/api/v1/projects", "/")) {
                assertRefused(api.as(key).get(path));
            }
        }
        assertThat(api.as(known).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void scopedKeyCannotCreateAKeyWithMoreScopes() {
        String owner = fixtures.keyWithoutRoles();
        String scoped = createOwnKey(owner, List.of("api-keys:own", "self"));
        int before = ownKeyCount(owner);

        HttpResult everything = api.as(scoped).post("/api/v1/api-keys", Map.of("name", "escalated", "scopes", List.of("*")));
        HttpResult defaultScopes = api.as(scoped).post("/api/v1/api-keys", Map.of("name", "escalated by default"));
        HttpResult another = api.as(scoped).post("/api/v1/api-keys", Map.of("name", "sideways", "scopes", List.of("self", "project:read")));

        assertProblem(everything, 403, FORBIDDEN);
        assertProblem(defaultScopes, 403, FORBIDDEN);
        assertProblem(another, 403, FORBIDDEN);
        assertThat(ownKeyCount(owner)).as("nothing was created").isEqualTo(before);
        HttpResult narrower = api.as(scoped).post("/api/v1/api-keys", Map.of("name", "narrower", "scopes", List.of("self")));
        assertThat(narrower.status()).as(narrower.toString()).isEqualTo(201);
    }

    @Test
    void administratorKeyWithScopedAdminPowerCannotHandOutAllScopes() {
        String scopedAdmin = createOwnKey(bootstrapKey(), List.of("workspace:admin"));
        String account = newServiceAccount();

        HttpResult escalated = api.as(scopedAdmin).post("/api/v1/service-accounts/" + account + "/api-keys",
                Map.of("name", "escalated", "scopes", List.of("*")));

        assertProblem(escalated, 403, FORBIDDEN);
        assertThat(admin().get("/api/v1/service-accounts/" + account + "/api-keys").json().get("items").size()).isZero();
    }

    @Test
    void unknownScopeIsABadRequest() {
        String owner = fixtures.keyWithoutRoles();
        int before = ownKeyCount(owner);

        HttpResult unknown = api.as(owner).post("/api/v1/api-keys", Map.of("name", "typo", "scopes", List.of("project:write")));
        HttpResult none = api.as(owner).post("/api/v1/api-keys", Map.of("name", "empty", "scopes", List.of()));

        assertProblem(unknown, 400, "urn:greenlight:problem:bad-request");
        assertThat(unknown.json().get("detail").asString()).contains("project:write");
        assertProblem(none, 400, "urn:greenlight:problem:validation-failed");
        assertThat(ownKeyCount(owner)).isEqualTo(before);
    }

    @Test
    void usingAKeyRecordsWhenItWasLastUsed() {
        String account = newServiceAccount();
        String key = fixtures.keyFor(account, List.of("*"));
        assertThat(adminViewOfKey(account, idOf(key)).get("lastUsedAt").isNull()).isTrue();
        Instant beforeUse = Instant.now().minusSeconds(1);

        assertThat(api.as(key).get("/api/v1/me").status()).isEqualTo(200);

        JsonNode lastUsed = adminViewOfKey(account, idOf(key)).get("lastUsedAt");
        assertThat(lastUsed.isNull()).isFalse();
        assertThat(Instant.parse(lastUsed.asString())).isAfter(beforeUse).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void disablingAServiceAccountRevokesItsKeys() {
        String account = newServiceAccount();
        String first = fixtures.keyFor(account, List.of("*"));
        String second = fixtures.keyFor(account, List.of("self"));
        assertThat(api.as(first).get("/api/v1/me").status()).isEqualTo(200);

        HttpResult disabled = admin().delete("/api/v1/service-accounts/" + account);

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);
        assertRefused(api.as(first).get("/api/v1/me"));
        assertRefused(api.as(second).get("/api/v1/me"));
        assertThat(admin().get("/api/v1/service-accounts/" + account + "/api-keys").json().get("items").valueStream())
                .allSatisfy(key -> assertThat(key.get("revokedAt").isNull()).isFalse());
        HttpResult newKey = admin().post("/api/v1/service-accounts/" + account + "/api-keys", Map.of("name", "after", "scopes", List.of("*")));
        assertProblem(newKey, 409, "urn:greenlight:problem:conflict");
    }

    @Test
    void retriedKeyCreationNeitherShowsNorStoresTheTokenAgain() {
        Api owner = api.as(fixtures.keyWithoutRoles()).header("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> request = Map.of("name", "retried", "scopes", List.of("self"));

        HttpResult first = owner.post("/api/v1/api-keys", request);
        int keysAfterFirst = ownKeyCount(first.json().get("token").asString());
        HttpResult retried = owner.post("/api/v1/api-keys", request);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String secret = secretOf(first.json().get("token").asString());
        assertThat(retried.body()).as("the token is shown once").doesNotContain(secret);
        assertProblem(retried, 409, "urn:greenlight:problem:conflict");
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ownKeyCount(first.json().get("token").asString())).as("the retry created no second key").isEqualTo(keysAfterFirst);
        int storedCopies = jdbc.sql("select count(*) from idempotency_records where position(convert_to(:secret, 'UTF8') in body) > 0")
                .param("secret", secret).query(Integer.class).single();
        assertThat(storedCopies).as("the secret is stored only as its hash").isZero();
    }

    @Test
    void keyListsArePagedNewestFirstToTheEndWithNoKeyMissingOrRepeated() {
        String account = newServiceAccount();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tokens.add(fixtures.keyFor(account, List.of("*")));
        }
        List<String> ids = tokens.stream().map(ApiKeyTest::idOf).toList();
        // Two creation times shared by several keys each: only the id can order those, so the cursor must carry it too.
        Instant older = Instant.parse("2026-01-01T00:00:00.123456Z");
        Instant newer = older.plusSeconds(60);
        jdbc.sql("update api_keys set created_at = case when id in (:older) then :olderAt else :newerAt end where id in (:all)")
                .param("older", ids.subList(0, 4)).param("olderAt", older.atOffset(ZoneOffset.UTC))
                .param("newerAt", newer.atOffset(ZoneOffset.UTC)).param("all", ids).update();
        List<String> expected = new ArrayList<>(ids.subList(4, 7).stream().sorted(Comparator.reverseOrder()).toList());
        expected.addAll(ids.subList(0, 4).stream().sorted(Comparator.reverseOrder()).toList());
        String revoked = ids.get(5);
        assertThat(admin().delete("/api/v1/service-accounts/" + account + "/api-keys/" + revoked).status()).isEqualTo(200);

        List<List<String>> asAdmin = pagesOf(admin(), "/api/v1/service-accounts/" + account + "/api-keys", 3);
        List<List<String>> asOwner = pagesOf(api.as(tokens.getFirst()), "/api/v1/api-keys", 3);

        assertThat(asAdmin).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(asAdmin.stream().flatMap(List::stream)).as("newest first, revoked keys included").containsExactlyElementsOf(expected);
        assertThat(asOwner).isEqualTo(asAdmin);
        assertThat(pagesOf(admin(), "/api/v1/service-accounts/" + account + "/api-keys", 200)).containsExactly(expected);
    }

    @Test
    void aCursorTheServerDidNotIssueOrABadLimitIsABadRequest() {
        String owner = fixtures.keyWithoutRoles();
        String account = newServiceAccount();
        List<String> forged = List.of("not-a-cursor", Cursors.encode("yesterday abcdefghijklmnop"),
                Cursors.encode("2026-01-01T00:00:00Z NOT-AN-ID"), Cursors.encode("2026-01-01T00:00:00Z"),
                Cursors.encode("2026-01-01T00:00:00Z abcdefghijklmnop' or 'x'='x"));

        for (String cursor : forged) {
            HttpResult own = api.as(owner).get("/api/v1/api-keys?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResult anyones = admin().get("/api/v1/service-accounts/" + account + "/api-keys?cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            assertProblem(own, 400, "urn:greenlight:problem:bad-request");
            assertThat(own.json().get("detail").asString()).isEqualTo("The cursor is not one this server issued.");
            assertProblem(anyones, 400, "urn:greenlight:problem:bad-request");
        }
        assertProblem(api.as(owner).get("/api/v1/api-keys?limit=0"), 400, "urn:greenlight:problem:bad-request");
        assertProblem(api.as(owner).get("/api/v1/api-keys?limit=201"), 400, "urn:greenlight:problem:bad-request");
    }

    @Test
    void bearerTokenThatIsNeitherKeyNorTrustedJwtIsRefusedWithoutAnIssuer() {
        String unsignedJwt = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.";
        for (String token : List.of("opaque-token-from-somewhere", "abc.def.ghi", unsignedJwt)) {
            assertRefused(api.as(token).get("/api/v1/me"));
        }
    }

    private void assertRefused(HttpResult result) {
        assertProblem(result, 401, UNAUTHENTICATED);
        assertThat(result.header("WWW-Authenticate")).startsWith("Bearer");
    }

    /** The ids on each page of the list, following {@code nextCursor} to the end. */
    private static List<List<String>> pagesOf(Api caller, String path, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = caller.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages.add(page.json().get("items").valueStream().map(key -> key.get("id").asString()).toList());
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
            assertThat(pages).as("the list ends").hasSizeLessThan(100);
        } while (cursor != null);
        return pages;
    }

    private String newServiceAccount() {
        String name = Fixtures.unique("ci");
        HttpResult created = admin().post("/api/v1/service-accounts", Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private String createOwnKey(String ownerKey, List<String> scopes) {
        HttpResult created = api.as(ownerKey).post("/api/v1/api-keys", Map.of("name", "scoped", "scopes", scopes));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private int ownKeyCount(String key) {
        return jdbc.sql("select count(*) from api_keys where principal_id = (select principal_id from api_keys where id = :id)")
                .param("id", idOf(key)).query(Integer.class).single();
    }

    private int releaseCount(String project) {
        return admin().get("/api/v1/projects/" + project + "/releases").json().get("items").size();
    }

    private JsonNode adminViewOfKey(String account, String id) {
        HttpResult keys = admin().get("/api/v1/service-accounts/" + account + "/api-keys");
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        return keys.json().get("items").valueStream().filter(key -> key.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static String idOf(String token) {
        return token.substring("glk_".length(), "glk_".length() + 16);
    }

    private static String secretOf(String token) {
        return token.substring("glk_".length() + 17);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
