package dev.greenlight.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Greenlight server: it answers with canned JSON and records every request.
 * Responses are matched on method and path with query; when several are queued for the same
 * request they are used in order and the last one repeats.
 */
public final class FakeGreenlightServer implements AutoCloseable {
    private final HttpServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<CannedResponse>> responses = new ConcurrentHashMap<>();
    private final AtomicInteger connectionsToDrop = new AtomicInteger();

    private FakeGreenlightServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
    }

    public static FakeGreenlightServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeGreenlightServer fake = new FakeGreenlightServer(server);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method target} (path plus query, as sent) with JSON. */
    public FakeGreenlightServer respond(String method, String target, int status, String json) {
        String contentType = status >= 400 ? "application/problem+json" : "application/json";
        return respond(method, target, status, contentType, json);
    }

    public FakeGreenlightServer respond(String method, String target, int status, String contentType, String body) {
        responses.computeIfAbsent(method + " " + target, key -> new ArrayDeque<>())
                .add(new CannedResponse(status, contentType, body, Map.of()));
        return this;
    }

    /** Answers with JSON (problem+json from 400 on) and extra response headers, such as {@code Retry-After}. */
    public FakeGreenlightServer respond(String method, String target, int status, String json, Map<String, String> headers) {
        String contentType = status >= 400 ? "application/problem+json" : "application/json";
        responses.computeIfAbsent(method + " " + target, key -> new ArrayDeque<>())
                .add(new CannedResponse(status, contentType, json, Map.copyOf(headers)));
        return this;
    }

    public FakeGreenlightServer redirect(String method, String target, String location) {
        responses.computeIfAbsent(method + " " + target, key -> new ArrayDeque<>())
                .add(new CannedResponse(301, "text/html", "<html>moved</html>", Map.of("Location", location)));
        return this;
    }

    /** The next {@code count} requests are recorded, then the connection is cut without an answer. */
    public FakeGreenlightServer dropNextConnections(int count) {
        connectionsToDrop.set(count);
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.stream().map(RecordedRequest::target).toList());
        }
        return requests.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        RecordedRequest request = new RecordedRequest(
                exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body);
        requests.add(request);
        if (connectionsToDrop.getAndUpdate(remaining -> Math.max(0, remaining - 1)) > 0) {
            // The JDK server closes the connection when a handler fails before answering.
            throw new IOException("dropping the connection on purpose");
        }
        CannedResponse response = next(request.method() + " " + request.target());
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private CannedResponse next(String key) {
        Deque<CannedResponse> queue = responses.get(key);
        if (queue == null || queue.isEmpty()) {
            return new CannedResponse(404, "application/problem+json",
                    "{\"title\":\"No canned response\",\"status\":404,\"detail\":\"The fake server has nothing for " + key + "\"}", Map.of());
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record CannedResponse(int status, String contentType, String body, Map<String, String> headers) {
    }
}
