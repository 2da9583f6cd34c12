package dev.greenlight.server.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service under canary, on loopback: {@code /metrics} in the Prometheus text format, with a request
 * counter labelled by version and status and a latency histogram labelled by version. The test sets each version's
 * traffic as rates (requests and errors per second, the share of fast requests); the counters grow by those rates
 * in real time, so any window's increase is the rate times the window, which is what the test expects back.
 */
final class ScrapedService implements AutoCloseable {
    /** Latency buckets: a fast request takes up to 50 ms, every other one between 50 and 100 ms. */
    static final double FAST_SECONDS = 0.05;
    static final double SLOW_SECONDS = 0.1;

    /**
     * One version's traffic.
     *
     * @param fastShare the share of requests answered within {@link #FAST_SECONDS}
     */
    record Traffic(double requestsPerSecond, double errorsPerSecond, double fastShare) {
        /** The p95 the histogram gives: interpolated inside the bucket that holds the 95th percentile. */
        double latencyP95Millis() {
            if (fastShare >= 0.95) {
                return FAST_SECONDS * 0.95 / fastShare * 1000;
            }
            return (FAST_SECONDS + (SLOW_SECONDS - FAST_SECONDS) * (0.95 - fastShare) / (1 - fastShare)) * 1000;
        }
    }

    private static final class Counters {
        Traffic traffic;
        double succeeded;
        double failed;
        double fast;
        double latencySum;

        Counters(Traffic traffic) {
            this.traffic = traffic;
        }

        void advance(double seconds) {
            double requests = traffic.requestsPerSecond() * seconds;
            failed += traffic.errorsPerSecond() * seconds;
            succeeded += requests - traffic.errorsPerSecond() * seconds;
            fast += requests * traffic.fastShare();
            latencySum += requests * (traffic.fastShare() * FAST_SECONDS / 2 + (1 - traffic.fastShare()) * (FAST_SECONDS + SLOW_SECONDS) / 2);
        }
    }

    private final HttpServer server;
    private final Map<String, Counters> versions = new LinkedHashMap<>();
    private long lastAdvance = System.nanoTime();

    ScrapedService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/metrics", this::metrics);
        server.start();
    }

    String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on the version serves this traffic; what it served so far stays counted. */
    synchronized void serve(String version, Traffic traffic) {
        advance();
        versions.computeIfAbsent(version, key -> new Counters(traffic)).traffic = traffic;
    }

    private void advance() {
        long now = System.nanoTime();
        double seconds = (now - lastAdvance) / 1e9;
        lastAdvance = now;
        versions.values().forEach(counters -> counters.advance(seconds));
    }

    private synchronized String exposition() {
        advance();
        StringBuilder text = new StringBuilder();
        text.append("# HELP http_requests_total Requests served.\n# TYPE http_requests_total counter\n");
        versions.forEach((version, counters) -> {
            line(text, "http_requests_total{version=\"" + version + "\",status=\"200\"}", counters.succeeded);
            line(text, "http_requests_total{version=\"" + version + "\",status=\"500\"}", counters.failed);
        });
        text.append("# HELP http_request_duration_seconds Request latency.\n# TYPE http_request_duration_seconds histogram\n");
        versions.forEach((version, counters) -> {
            double all = counters.succeeded + counters.failed;
            line(text, "http_request_duration_seconds_bucket{version=\"" + version + "\",le=\"0.05\"}", counters.fast);
            line(text, "http_request_duration_seconds_bucket{version=\"" + version + "\",le=\"0.1\"}", all);
            line(text, "http_request_duration_seconds_bucket{version=\"" + version + "\",le=\"0.25\"}", all);
            line(text, "http_request_duration_seconds_bucket{version=\"" + version + "\",le=\"+Inf\"}", all);
            line(text, "http_request_duration_seconds_sum{version=\"" + version + "\"}", counters.latencySum);
            line(text, "http_request_duration_seconds_count{version=\"" + version + "\"}", all);
        });
        return text.toString();
    }

    private static void line(StringBuilder text, String series, double value) {
        text.append(series).append(' ').append(String.format(Locale.ROOT, "%.6f", value)).append('\n');
    }

    private void metrics(HttpExchange exchange) throws IOException {
        byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
