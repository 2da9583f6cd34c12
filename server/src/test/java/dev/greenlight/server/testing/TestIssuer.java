package dev.greenlight.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in OpenID Connect issuer for tests: a real HTTP server on loopback that publishes one RSA key as a JWK set
 * and signs tokens with it, and a minimal OpenID provider for browser sign-in: a discovery document, an authorization
 * endpoint that signs in whoever {@link #signInAs} named and redirects back with a code, and a token endpoint that
 * checks the client's credentials, the code (once, for the same client and redirect URI) and its PKCE verifier
 * (S256) before it returns an ID token carrying the authorization request's nonce. Whatever it refuses is recorded in
 * {@link #refusals()}. One per test JVM, started before the Spring context that trusts it.
 */
public final class TestIssuer {
    public static final String AUDIENCE = "greenlight-test";
    public static final String KEY_ID = "test-issuer-key-1";
    /** The dashboard's registration at this issuer: a confidential client. */
    public static final String CLIENT_ID = "greenlight-dashboard";
    public static final String CLIENT_SECRET = "test-client-secret-4f1c9e2a7b";
    /** Where the dashboard must send people back: Greenlight's callback on any loopback port. */
    private static final Pattern REDIRECT_URI = Pattern.compile("http://(127\\.0\\.0\\.1|localhost):[0-9]{1,5}/login/oauth2/code/oidc");
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestIssuer shared;

    private final HttpServer server;
    private final RSAKey signingKey;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger issuedIdTokens = new AtomicInteger();
    private final AtomicReference<String> signedInSubject = new AtomicReference<>();
    private final AtomicReference<Function<JWTClaimsSet.Builder, String>> nextIdToken = new AtomicReference<>();

    /** What an authorization granted, until its code is exchanged. */
    private record Grant(String clientId, String redirectUri, String subject, String nonce, String codeChallenge, Instant expiresAt) {
    }

    private TestIssuer() {
        this.signingKey = newRsaKey(KEY_ID);
        String jwkSet = new JWKSet(signingKey.toPublicJWK()).toString();
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the test issuer could not listen", e);
        }
        server.createContext("/jwks.json", exchange -> {
            jwksRequests.incrementAndGet();
            respond(exchange, jwkSet);
        });
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, discoveryDocument()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    /** The issuer every test JVM shares; started on first use. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwksUri() {
        return issuer() + "/jwks.json";
    }

    public String authorizationEndpoint() {
        return issuer() + "/authorize";
    }

    public String tokenEndpoint() {
        return issuer() + "/token";
    }

    /**
     * Who is signed in at this issuer: the next authorizations are granted to {@code subject}, as if that person had
     * entered their password here. {@code null} signs out (authorizations then fail with {@code login_required}).
     */
    public void signInAs(String subject) {
        signedInSubject.set(subject);
    }

    /**
     * Replaces how the next ID token is made, once: the function gets the claims this issuer would put in it and
     * returns the token to hand out, e.g. {@code claims -> ISSUER.sign(claims.claim("nonce", "forged").build())}.
     */
    public void nextIdToken(Function<JWTClaimsSet.Builder, String> make) {
        nextIdToken.set(make);
    }

    /** Every request this issuer refused since it started, with its reason ("token: PKCE verifier does not match"). */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** How many ID tokens the token endpoint handed out since the issuer started. */
    public int issuedIdTokens() {
        return issuedIdTokens.get();
    }

    /** The S256 PKCE challenge of a verifier (RFC 7636, section 4.2). */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The public half of the signing key, as the JWKS publishes it. */
    public RSAKey publishedKey() {
        return signingKey.toPublicJWK();
    }

    /** How often the server under test fetched the key set: proves tokens are checked against it. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** Claims of a token that this issuer would issue to {@code subject} for Greenlight, valid for five minutes. */
    public JWTClaimsSet.Builder claimsFor(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(AUDIENCE)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    /** A valid RS256 token for {@code subject}. */
    public String tokenFor(String subject) {
        return sign(claimsFor(subject).build());
    }

    /** Signs with this issuer's published key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    /** Signs with {@code key}, which may be one the issuer never published. */
    public static String sign(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the test token", e);
        }
        return jwt.serialize();
    }

    /** The same claims with {@code "alg": "none"} and no signature. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** A fresh RSA key that no issuer published, under the given key id. */
    public static RSAKey newRsaKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private String discoveryDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", authorizationEndpoint());
        document.put("token_endpoint", tokenEndpoint());
        document.put("jwks_uri", jwksUri());
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("grant_types_supported", List.of("authorization_code"));
        return JSON.writeValueAsString(document);
    }

    /** The authorization endpoint: checks the request, then sends the browser back with a code (or an error). */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirectUri = query.getOrDefault("redirect_uri", "");
        if (!CLIENT_ID.equals(query.get("client_id")) || !REDIRECT_URI.matcher(redirectUri).matches()) {
            // Never redirect to an address the client did not register: answer here instead.
            refuse("authorize: unknown client or redirect URI " + query.get("client_id") + " " + redirectUri);
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String state = query.get("state");
        String problem = !"code".equals(query.get("response_type")) ? "unsupported_response_type"
                : !List.of(query.getOrDefault("scope", "").split(" ")).contains("openid") ? "invalid_scope"
                : state == null || state.isEmpty() || query.get("nonce") == null ? "invalid_request"
                : query.get("code_challenge") == null || !"S256".equals(query.get("code_challenge_method")) ? "invalid_request"
                : signedInSubject.get() == null ? "login_required"
                : null;
        if (problem != null) {
            refuse("authorize: " + problem);
            redirect(exchange, redirectUri + "?error=" + problem + (state == null ? "" : "&state=" + encode(state)));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(CLIENT_ID, redirectUri, signedInSubject.get(), query.get("nonce"), query.get("code_challenge"),
                Instant.now().plus(CODE_LIFETIME)));
        redirect(exchange, redirectUri + "?code=" + code + "&state=" + encode(state));
    }

    /** The token endpoint: client credentials, the code, the redirect URI and the PKCE verifier must all match. */
    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] client = clientCredentials(exchange, body);
        if (client == null || !CLIENT_ID.equals(client[0]) || !CLIENT_SECRET.equals(client[1])) {
            refuse("token: wrong client credentials");
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = codes.remove(body.getOrDefault("code", ""));
        String verifier = body.get("code_verifier");
        String problem = !"authorization_code".equals(body.get("grant_type")) ? "grant type is not authorization_code"
                : grant == null ? "unknown or already used code"
                : grant.expiresAt().isBefore(Instant.now()) ? "expired code"
                : !grant.clientId().equals(client[0]) ? "code of another client"
                : !grant.redirectUri().equals(body.get("redirect_uri")) ? "redirect URI differs from the authorization's"
                : verifier == null ? "no PKCE verifier"
                : !s256(verifier).equals(grant.codeChallenge()) ? "PKCE verifier does not match"
                : null;
        if (problem != null) {
            refuse("token: " + problem);
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(grant.subject())
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("auth_time", now.getEpochSecond())
                .claim("nonce", grant.nonce());
        Function<JWTClaimsSet.Builder, String> make = nextIdToken.getAndSet(null);
        String idToken = make == null ? sign(claims.build()) : make.apply(claims);
        issuedIdTokens.incrementAndGet();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", UUID.randomUUID().toString());
        response.put("token_type", "Bearer");
        response.put("expires_in", 300);
        response.put("scope", "openid");
        response.put("id_token", idToken);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, JSON.writeValueAsString(response));
    }

    /** HTTP Basic (RFC 6749, section 2.3.1: each part form-encoded) or client_id and client_secret in the body. */
    private static String[] clientCredentials(HttpExchange exchange, Map<String, String> body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
        }
        if (body.containsKey("client_id") && body.containsKey("client_secret")) {
            return new String[] {body.get("client_id"), body.get("client_secret")};
        }
        return null;
    }

    private void refuse(String reason) {
        refusals.add(reason);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            fields.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return fields;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
