package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** How the client talks HTTP: how long it waits and how it names itself. */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, String userAgent) {
    public HttpSettings {
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(userAgent, "userAgent is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts are positive");
        }
    }

    /** Long enough for a slow CI network, short enough that a dead server does not hang a pipeline. */
    public static HttpSettings defaults(String cliVersion) {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), "greenlight-cli/" + cliVersion);
    }
}
