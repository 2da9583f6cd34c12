package dev.greenlight.server.testing;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Looks at the embedded PostgreSQL of a data directory from the outside, as an operator would: is its postmaster.pid
 * there, does its port accept connections.
 */
public final class EmbeddedPostgresProbe {
    private final Path clusterDirectory;
    private final int port;

    private EmbeddedPostgresProbe(Path clusterDirectory, int port) {
        this.clusterDirectory = requireNonNull(clusterDirectory, "clusterDirectory is null");
        this.port = port;
    }

    /** The embedded database of a running server: its files under {@code <data-dir>/postgres}, its port from the pool's URL. */
    public static EmbeddedPostgresProbe of(InProcessServer server) {
        String jdbcUrl = server.databaseUrl();
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getPort() <= 0) {
            throw new IllegalArgumentException("no port in " + jdbcUrl);
        }
        return new EmbeddedPostgresProbe(server.dataDirectory().resolve("postgres"), uri.getPort());
    }

    public Path clusterDirectory() {
        return clusterDirectory;
    }

    public int port() {
        return port;
    }

    /** PostgreSQL removes postmaster.pid when it shuts down cleanly; a leftover one means it was killed or is still running. */
    public boolean hasPidFile() {
        return Files.exists(clusterDirectory.resolve("postmaster.pid"));
    }

    public boolean acceptsConnections() {
        return LocalPorts.isListening(port);
    }
}
