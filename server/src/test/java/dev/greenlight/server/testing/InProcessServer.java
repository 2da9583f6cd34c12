package dev.greenlight.server.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

import dev.greenlight.server.GreenlightApplication;

/**
 * The whole application started in this JVM the way an operator starts the jar, for tests about its life cycle
 * (start, restart, shutdown, several nodes) that {@code @SpringBootTest}'s one cached context cannot express.
 * Settings are passed as command-line arguments, so they override application.yaml like environment variables do.
 * Without a {@code greenlight.database.url} the application runs its own embedded PostgreSQL under the data directory.
 */
public final class InProcessServer implements AutoCloseable {
    public static final String KEY_FILE_NAME = "bootstrap-admin-key";

    private final ConfigurableApplicationContext context;
    private final Path dataDirectory;
    private final String databaseUrl;

    private InProcessServer(ConfigurableApplicationContext context, Path dataDirectory) {
        this.context = context;
        this.dataDirectory = dataDirectory;
        // Read now: after close the pool no longer answers.
        this.databaseUrl = context.getBean(HikariDataSource.class).getJdbcUrl();
    }

    /** A server that will keep its files (key file, embedded database) in {@code dataDirectory}. */
    public static Builder on(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return requireNonNull(context.getEnvironment().getProperty("local.server.port", Integer.class), "the server did not report its port");
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + port());
    }

    /** The JDBC URL the application's pool connects to: the embedded PostgreSQL's, or the configured one. */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** The key the first start wrote for the bootstrap administrator. */
    public String bootstrapKey() {
        return readKeyFile(dataDirectory).orElseThrow(() -> new IllegalStateException("no bootstrap key file in " + dataDirectory));
    }

    public static Optional<String> readKeyFile(Path dataDirectory) {
        Path file = dataDirectory.resolve(KEY_FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Shuts down as on SIGTERM: in-flight requests finish, then the pool closes and the embedded database stops. */
    @Override
    public void close() {
        context.close();
    }

    /** What to start; every start gets the ports 0 (any free port) unless a test says otherwise. */
    public static final class Builder {
        private final Path dataDirectory;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<Class<?>> sources = new ArrayList<>();
        private final List<String> profiles = new ArrayList<>();
        private final List<ApplicationListener<?>> listeners = new ArrayList<>();

        private Builder(Path dataDirectory) {
            this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
            properties.put("greenlight.data-dir", dataDirectory.toString());
            properties.put("greenlight.port", "0");
            properties.put("greenlight.management.port", "0");
        }

        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        /** Points the application at a database of the shared test PostgreSQL instead of starting its own. */
        public Builder externalDatabase(String jdbcUrl) {
            return property("greenlight.database.url", jdbcUrl).property("greenlight.database.user", "postgres");
        }

        public Builder withoutRateLimits() {
            return property("greenlight.rate-limit.per-credential-per-minute", "0")
                    .property("greenlight.rate-limit.per-address-per-minute", "0");
        }

        /** Adds configuration or beans of the test itself, next to the application's own. */
        public Builder source(Class<?> source) {
            sources.add(source);
            return this;
        }

        public Builder profile(String profile) {
            profiles.add(profile);
            return this;
        }

        public Builder listener(ApplicationListener<?> listener) {
            listeners.add(listener);
            return this;
        }

        /** Starts and returns once the application is ready; a failed start throws what SpringApplication threw. */
        public InProcessServer start() {
            SpringApplicationBuilder application = new SpringApplicationBuilder(GreenlightApplication.class)
                    .sources(sources.toArray(Class<?>[]::new))
                    .profiles(profiles.toArray(String[]::new))
                    .listeners(listeners.toArray(ApplicationListener<?>[]::new))
                    .registerShutdownHook(false);
            String[] arguments = properties.entrySet().stream()
                    .map(property -> "--" + property.getKey() + "=" + property.getValue())
                    .toArray(String[]::new);
            return new InProcessServer(application.run(arguments), dataDirectory);
        }
    }
}
