package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the client talks HTTP: how long it waits, how it names itself, and how long it waits before
 * the first retry of a request that may be retried (later retries wait twice as long each time).
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, String userAgent, Duration retryBackoff) {
    /** Long enough for a struggling server to recover a little, short enough not to stall a pipeline. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);

    public HttpSettings {
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(retryBackoff, "retryBackoff is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts are positive");
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("the retry backoff is not negative");
        }
    }

    public HttpSettings(Duration connectTimeout, Duration requestTimeout, String userAgent) {
        this(connectTimeout, requestTimeout, userAgent, DEFAULT_RETRY_BACKOFF);
    }

    /** Long enough for a slow CI network, short enough that a dead server does not hang a pipeline. */
    public static HttpSettings defaults(String cliVersion) {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), "greenlight-cli/" + cliVersion);
    }
}
