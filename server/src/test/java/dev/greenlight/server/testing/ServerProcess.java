package dev.greenlight.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server in a JVM of its own, started from the test classpath, so that a test can kill it with SIGKILL the way
 * a crash or the OOM killer would. The database is external (it survives the kill, as a real one would).
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dataDirectory;

    private ServerProcess(Process process, int port, Path dataDirectory) {
        this.process = process;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    public static ServerProcess start(String databaseUrl, Path dataDirectory, Map<String, String> settings) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.greenlight.server.GreenlightApplication"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("server-" + port + ".log").toFile());
        builder.environment().put("GREENLIGHT_DATABASE_URL", databaseUrl);
        builder.environment().put("GREENLIGHT_DATABASE_USER", "postgres");
        builder.environment().put("GREENLIGHT_DATA_DIR", dataDirectory.toString());
        builder.environment().put("GREENLIGHT_PORT", Integer.toString(port));
        builder.environment().put("GREENLIGHT_MANAGEMENT_PORT", Integer.toString(freePort()));
        builder.environment().put("GREENLIGHT_RATE_LIMIT_PER_CREDENTIAL", "0");
        builder.environment().put("GREENLIGHT_RATE_LIMIT_PER_ADDRESS", "0");
        builder.environment().putAll(settings);
        try {
            ServerProcess server = new ServerProcess(builder.start(), port, dataDirectory);
            server.awaitReady(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    public String bootstrapKey() {
        try {
            return Files.readString(dataDirectory.resolve("bootstrap-admin-key")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + dataDirectory);
            }
            try {
                if (api().get("/readyz").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the server was not ready within " + timeout);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
