package dev.greenlight.server.promotions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calls a team's CD system. The body is JSON; {@code X-Greenlight-Signature: sha256=<hex>} is the HMAC-SHA256 of
 * {@code <timestamp>.<body>} under the environment's secret, with the timestamp in {@code X-Greenlight-Timestamp}, so
 * the receiver can check origin, integrity and freshness; {@code Idempotency-Key} lets it recognise a retry. Any
 * answer but 2xx, a timeout or a refused connection is a failure the calling job retries.
 */
@Component
class WebhookDeployer {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeployer.class);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    WebhookDeployer(Clock clock) {
        this.clock = clock;
    }

    void send(DeployerSettings settings, DeploymentRequest request) {
        String url = Objects.requireNonNull(settings.url(), "a webhook deployer has a url");
        byte[] body = PromotionRepository.JSON.writeValueAsBytes(request.toJson());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest http = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", request.idempotencyKey())
                .header("X-Greenlight-Timestamp", timestamp)
                .header("X-Greenlight-Signature", "sha256=" + signature(Objects.requireNonNull(settings.secret(), "secret"), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = client.send(http, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailed("the deployer at " + URI.create(url).getHost() + " could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted while calling the deployer");
        }
        if (status / 100 != 2) {
            throw new DeliveryFailed("the deployer at " + URI.create(url).getHost() + " answered " + status);
        }
        LOG.info("deployer accepted {} ({})", request.action(), request.idempotencyKey());
    }

    static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The deployer did not take the request; the message names the host, never the URL's path or query. */
    static final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(String message) {
            super(message);
        }
    }
}
