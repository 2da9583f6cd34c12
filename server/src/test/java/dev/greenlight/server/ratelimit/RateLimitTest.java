package dev.greenlight.server.ratelimit;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.RestrictedSettingsTest;

/** Token buckets per credential (after authentication) and per client address (before it), answered with 429. */
class RateLimitTest extends RestrictedSettingsTest {
    /** Requests from here count against an address no other test uses. */
    private static final String OTHER_LOOPBACK_ADDRESS = "127.0.0.2";

    @Test
    void credentialOverItsLimitGets429WhileOtherKeysAndProbesAreServed() {
        String account = Fixtures.unique("busy-pipeline");
        assertThat(admin().post("/api/v1/service-accounts", Map.of("name", account)).status()).isEqualTo(201);
        String busy = fixtures.keyFor(account, List.of("*"));
        String sibling = fixtures.keyFor(account, List.of("*"));

        HttpResult refusal = null;
        int served = 0;
        while (served <= PER_CREDENTIAL_PER_MINUTE + 5) {
            HttpResult result = api.as(busy).get("/api/v1/me");
            if (result.status() == 429) {
                refusal = result;
                break;
            }
            assertThat(result.status()).as(result.toString()).isEqualTo(200);
            served++;
        }

        assertThat(refusal).as("no 429 after %d requests", served).isNotNull();
        assertThat(served).as("the whole allowance was served first").isGreaterThanOrEqualTo(PER_CREDENTIAL_PER_MINUTE);
        assertRateLimited(refusal);
        assertThat(api.as(sibling).get("/api/v1/me").status()).as("another key of the same account").isEqualTo(200);
        assertThat(api.as(busy).get("/livez").status()).isEqualTo(200);
        assertThat(api.as(busy).get("/readyz").status()).isEqualTo(200);
        assertThat(api.as(busy).get("/api/v1/me").status()).as("still limited").isEqualTo(429);
    }

    @Test
    void addressOverItsLimitGets429BeforeAuthenticationWhileOtherAddressesAndProbesAreServed() throws IOException {
        try (HttpClient fromOtherAddress = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(OTHER_LOOPBACK_ADDRESS))
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            HttpResult refusal = null;
            int served = 0;
            while (served <= PER_ADDRESS_PER_MINUTE + 50) {
                HttpResult result = get(fromOtherAddress, "/api/v1/me");
                if (result.status() == 429) {
                    refusal = result;
                    break;
                }
                assertThat(result.status()).as("anonymous, so refused by authentication until the limit: " + result).isEqualTo(401);
                served++;
            }

            assertThat(refusal).as("no 429 after %d requests", served).isNotNull();
            assertThat(served).isGreaterThanOrEqualTo(PER_ADDRESS_PER_MINUTE);
            assertRateLimited(refusal);
            assertThat(get(fromOtherAddress, "/livez").status()).isEqualTo(200);
            assertThat(get(fromOtherAddress, "/readyz").status()).isEqualTo(200);
            assertThat(admin().get("/api/v1/me").status()).as("from 127.0.0.1").isEqualTo(200);
        }
    }

    private static void assertRateLimited(HttpResult refusal) {
        assertProblem(refusal, 429, "rate-limited");
        assertThat(Long.parseLong(refusal.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refusal.header("X-Request-Id")).isNotBlank();
    }

    private HttpResult get(HttpClient client, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
