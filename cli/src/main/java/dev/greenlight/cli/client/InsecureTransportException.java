package dev.greenlight.cli.client;

import dev.greenlight.cli.failure.CliException;
import java.util.List;

/** The API key would travel unencrypted to another machine. */
public final class InsecureTransportException extends CliException {
    InsecureTransportException(ServerAddress server) {
        super("Refusing to send the API key over plain http to " + server.uri().getHost() + ".");
    }

    @Override
    public List<String> describe() {
        return List.of(
                getMessage(),
                "Anyone on the network path could read the key and act as you. Use an https:// server address,",
                "or pass --insecure-http if you accept that risk (for example on a private test network).");
    }
}
