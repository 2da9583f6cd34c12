package dev.greenlight.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * A stand-in OpenID Connect issuer for tests: a real HTTP server on loopback that publishes one RSA key as a JWK set,
 * and signs tokens with it. One per test JVM, started before the Spring context that trusts it.
 */
public final class TestIssuer {
    public static final String AUDIENCE = "greenlight-test";
    public static final String KEY_ID = "test-issuer-key-1";

    private static TestIssuer shared;

    private final HttpServer server;
    private final RSAKey signingKey;
    private final AtomicInteger jwksRequests = new AtomicInteger();

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

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
