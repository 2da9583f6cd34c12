package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

/**
 * A server and the API key to present to it. Building one refuses to send the key in clear text
 * over a network, unless the user said so explicitly.
 */
public record Connection(ServerAddress server, ApiKey apiKey, boolean insecureHttpAllowed) {
    public Connection {
        requireNonNull(server, "server is null");
        requireNonNull(apiKey, "apiKey is null");
        if (!server.isEncrypted() && !server.isLoopback() && !insecureHttpAllowed) {
            throw new InsecureTransportException(server);
        }
    }
}
