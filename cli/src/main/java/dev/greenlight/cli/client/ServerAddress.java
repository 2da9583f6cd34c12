package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.failure.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The base URL of a Greenlight server, normalised without a trailing slash so API paths can be
 * appended to it. A path prefix is kept for servers behind a reverse proxy.
 */
public record ServerAddress(URI uri) {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public ServerAddress {
        requireNonNull(uri, "uri is null");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("The server address must be an http:// or https:// URL, got '" + uri + "'.");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidInputException(
                    "The server address must look like https://greenlight.example.com, without user, query or fragment; got '"
                            + uri + "'.");
        }
    }

    /** Parses what a user typed, in a flag, an environment variable or the config file. */
    public static ServerAddress parse(String text) {
        requireNonNull(text, "text is null");
        String trimmed = text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            return new ServerAddress(new URI(trimmed));
        } catch (URISyntaxException e) {
            throw new InvalidInputException("The server address '" + text + "' is not a valid URL: " + e.getReason() + ".");
        }
    }

    /** The absolute URI of an API path on this server. */
    public URI resolve(ApiPath path, String rawQuery) {
        String query = rawQuery.isEmpty() ? "" : "?" + rawQuery;
        return URI.create(uri + path.value() + query);
    }

    /**
     * The absolute URI of a path outside {@code /api/v1}, such as the tlog-tiles resources under
     * {@code /ledger/}. The path starts with {@code /} and is already percent-encoded.
     */
    public URI resolveRaw(String encodedPath) {
        requireNonNull(encodedPath, "encodedPath is null");
        if (!encodedPath.startsWith("/")) {
            throw new IllegalArgumentException("paths start with /: " + encodedPath);
        }
        return URI.create(uri + encodedPath);
    }

    public boolean isEncrypted() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /**
     * Whether the host is this machine. Only literal addresses and "localhost" count: resolving a
     * name through DNS to decide whether a secret may travel in clear would trust the network we
     * are trying not to trust.
     */
    public boolean isLoopback() {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        boolean ipv6Literal = host.startsWith("[") && host.endsWith("]");
        if (!ipv6Literal && !IPV4_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            String literal = ipv6Literal ? host.substring(1, host.length() - 1) : host;
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
