package dev.greenlight.cli.client;

import dev.greenlight.cli.failure.CliException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;

/** No usable HTTP exchange with the server happened: refused, timed out, or cut off. */
public final class ServerUnreachableException extends CliException {
    ServerUnreachableException(ServerAddress server, IOException cause) {
        super("Could not reach the Greenlight server at " + server + ": " + reason(cause) + ".", cause);
    }

    @Override
    public List<String> describe() {
        return List.of(getMessage(), "Check the address (--server, GREENLIGHT_SERVER or `greenlight login`) and that the server is running.");
    }

    private static String reason(IOException cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connecting timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no response in time";
        }
        if (cause.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
