package dev.greenlight.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that need the settings a cautious operator would choose: a trusted OIDC issuer (the
 * in-JVM {@link TestIssuer}), one allowed CORS origin, small rate limits and a 64 KiB evidence limit. Every class
 * extending this shares one second Spring context, so keep it the only such base.
 *
 * <p>Each credential may make {@link #PER_CREDENTIAL_PER_MINUTE} requests a minute here, so every test class gets its
 * own administrator key ({@link #admin()} and {@link #fixtures} use it) instead of sharing the bootstrap key, and a
 * class that exhausts a bucket only does so with credentials it created itself. All classes share the loopback
 * address, whose allowance ({@link #PER_ADDRESS_PER_MINUTE}) is far above what they send together; tests of the
 * address limit use another loopback address.
 */
public abstract class RestrictedSettingsTest extends IntegrationTest {
    public static final String ALLOWED_ORIGIN = "https://ci.example.com";
    public static final int PER_CREDENTIAL_PER_MINUTE = 30;
    public static final int PER_ADDRESS_PER_MINUTE = 300;
    public static final int EVIDENCE_MAX_BYTES = 64 * 1024;

    private static final Map<String, String> ADMIN_KEYS = new ConcurrentHashMap<>();

    /** Dynamic rather than inline: these must override IntegrationTest's generous limits, and the issuer's port is random. */
    @DynamicPropertySource
    static void restrictedSettings(DynamicPropertyRegistry registry) {
        TestIssuer issuer = TestIssuer.shared();
        registry.add("greenlight.oidc.issuer", issuer::issuer);
        registry.add("greenlight.oidc.audience", () -> TestIssuer.AUDIENCE);
        registry.add("greenlight.oidc.jwks-uri", issuer::jwksUri);
        registry.add("greenlight.cors-origins", () -> ALLOWED_ORIGIN);
        registry.add("greenlight.rate-limit.per-credential-per-minute", () -> PER_CREDENTIAL_PER_MINUTE);
        registry.add("greenlight.rate-limit.per-address-per-minute", () -> PER_ADDRESS_PER_MINUTE);
        registry.add("greenlight.evidence.max-bytes", () -> EVIDENCE_MAX_BYTES + "B");
    }

    @BeforeEach
    void useOwnAdministratorKey() {
        fixtures = new Fixtures(api, administratorKey());
    }

    @Override
    protected Api admin() {
        return api.as(administratorKey());
    }

    /** An all-scopes key of the bootstrap administrator, issued once per test class. */
    protected String administratorKey() {
        String bootstrapKey = bootstrapKey();
        return ADMIN_KEYS.computeIfAbsent(getClass().getName() + "@" + api.baseUrl(), ignored -> {
            HttpResult issued = api.as(bootstrapKey).post("/api/v1/api-keys",
                    Map.of("name", "administrator key of " + getClass().getSimpleName(), "scopes", List.of("*")));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            return issued.json().get("token").asString();
        });
    }
}
