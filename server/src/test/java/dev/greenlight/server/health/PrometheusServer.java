package dev.greenlight.server.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus ({@code /usr/bin/prometheus}, Debian's package) started for a test: loopback only, a temporary
 * configuration and storage, one scrape job every second. Closing it kills the process and removes its files.
 */
final class PrometheusServer implements AutoCloseable {
    static final Path PROGRAM = Path.of("/usr/bin/prometheus");
    static final String REQUIRE_ALL_VARIABLE = "GREENLIGHT_REQUIRE_ALL";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path directory;
    private final Process process;
    private final int port;

    private PrometheusServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /**
     * Skips the test when Prometheus is not installed, with a note on how to get it; fails it instead when the
     * environment requires every test to run (CI), so that a machine without Prometheus cannot pass by running less.
     */
    static void requireInstalled(Map<String, String> environment) {
        requireInstalled(PROGRAM, environment);
    }

    static void requireInstalled(Path program, Map<String, String> environment) {
        if (Files.isExecutable(program)) {
            return;
        }
        String missing = program + " not found; apt-get install prometheus";
        if ("true".equalsIgnoreCase(environment.get(REQUIRE_ALL_VARIABLE))) {
            throw new AssertionFailedError("Prometheus test cannot run and " + REQUIRE_ALL_VARIABLE + "=true: " + missing);
        }
        Assumptions.abort("Prometheus test skipped: " + missing + ", or set " + REQUIRE_ALL_VARIABLE + "=true to make this a failure");
    }

    /** Starts Prometheus scraping {@code target} (host:port) every second, and waits until it is ready. */
    static PrometheusServer scraping(String target) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("greenlight-prometheus-");
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: service
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        int port = freePort();
        Process process = new ProcessBuilder(PROGRAM.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(directory, process, port);
        try {
            server.awaitReady(Duration.ofSeconds(15));
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the scrape job's target is up, and returns when it first was. */
    void awaitTargetUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode result = query("up{job=\"service\"} == 1").get("data").get("result");
            if (!result.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionFailedError("the scraped service was not up in Prometheus within " + timeout + "; " + log());
    }

    /** Asks this Prometheus directly, for the test's own checks: the query's answer now. */
    JsonNode query(String promql) {
        return query(promql, "");
    }

    /** The query's answer as of {@code at}. */
    JsonNode query(String promql, Instant at) {
        return query(promql, "&time=" + PrometheusQueries.unixSeconds(at));
    }

    private JsonNode query(String promql, String parameters) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + parameters)).timeout(Duration.ofSeconds(5)).build();
        try {
            return JSON.readTree(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/-/ready")).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionFailedError("Prometheus exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (CLIENT.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionFailedError("Prometheus was not ready within " + timeout + ": " + log());
    }

    String log() {
        try {
            String log = Files.readString(directory.resolve("prometheus.log"));
            return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a test over.
        }
    }
}
