package dev.greenlight.server.database;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.greenlight.server.config.InvalidConfigurationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL 17 that Greenlight runs itself when no external database is configured. Its files live under
 * {@code <data-dir>/postgres} and survive restarts; it listens on loopback only.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    static final String DATABASE_NAME = "greenlight";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = requireNonNull(postgres, "postgres is null");
    }

    static EmbeddedPostgresServer start(Path dataDirectory) {
        Path postgresDirectory = dataDirectory.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(postgresDirectory);
        } catch (IOException e) {
            throw new InvalidConfigurationException("greenlight.data-dir", "cannot create " + postgresDirectory + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(postgresDirectory)) {
            throw new InvalidConfigurationException("greenlight.data-dir", postgresDirectory + " is not writable");
        }
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // The library's defaults suit throwaway test databases (it passes -F and turns synchronous
                    // commit off). Greenlight's data must survive a crash: an acknowledged write is on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.createDatabaseIfMissing();
            log.info("embedded PostgreSQL started on 127.0.0.1:{} in {} ms", postgres.getPort(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** Reads one server setting, to check what the server actually runs with. */
    String setting(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var result = statement.executeQuery("select current_setting('" + name.replace("'", "") + "')")) {
            result.next();
            return result.getString(1);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE_NAME);
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE_NAME + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE_NAME);
            }
        }
    }

    @Override
    public void close() throws IOException {
        log.info("stopping embedded PostgreSQL");
        postgres.close();
    }
}
