package dev.greenlight.server.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on loopback that answers {@code /api/v1/query} the way a test tells it to, for answers a real
 * Prometheus will not give on demand (errors, garbage, silence). It remembers each request it was sent.
 */
final class FakePrometheus implements AutoCloseable {
    /** A request as received: its path, its decoded query parameters, and its Authorization header (null: none). */
    record Received(String path, Map<String, String> parameters, String authorization) {
    }

    /** What to answer: status, body, and how long to wait first. */
    record Answer(int status, String body, long delayMillis, Map<String, String> headers) {
        static Answer ok(String body) {
            return new Answer(200, body, 0, Map.of());
        }

        static Answer of(int status, String body) {
            return new Answer(status, body, 0, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers = request -> Answer.of(500, "no answer set");

    FakePrometheus() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** A successful instant vector with one series per value. */
    static String vector(String... values) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            result.append(i == 0 ? "" : ",").append("{\"metric\":{\"series\":\"").append(i).append("\"},\"value\":[1700000000.5,\"")
                    .append(values[i]).append("\"]}");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        Received request = new Received(uri.getPath(), parameters, exchange.getRequestHeaders().getFirst("Authorization"));
        received.add(request);
        Answer answer = answers.apply(request);
        try {
            Thread.sleep(answer.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        try {
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException clientWentAway) {
            // The client under test gave up (a timeout or a size limit): nothing to tell it any more.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
