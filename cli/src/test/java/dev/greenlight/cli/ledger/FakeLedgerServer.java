package dev.greenlight.cli.ledger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.tiles.TileAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ledger endpoints of a Greenlight server, over a {@link TestLedger}: {@code /api/v1/me},
 * {@code /api/v1/ledger/keys}, and the tlog-tiles resources under {@code /ledger/acme/}. It can be
 * made to misbehave: replace a tile, serve another log, publish other keys.
 */
final class FakeLedgerServer implements AutoCloseable {
    static final String WORKSPACE = "acme";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> replaced = new ConcurrentHashMap<>();
    private volatile TestLedger log;
    private volatile byte[] checkpoint;
    private volatile List<String> publishedKeys = List.of();

    FakeLedgerServer(TestLedger log, byte[] checkpoint) {
        this.log = log;
        this.checkpoint = checkpoint;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code newLog} with its checkpoint from now on. */
    FakeLedgerServer serve(TestLedger newLog, byte[] newCheckpoint) {
        this.log = newLog;
        this.checkpoint = newCheckpoint.clone();
        return this;
    }

    FakeLedgerServer publish(NoteSigner... keys) {
        List<String> strings = new ArrayList<>();
        for (NoteSigner key : keys) {
            strings.add(key.verifier().verifierKey());
        }
        publishedKeys = List.copyOf(strings);
        return this;
    }

    /** Serves {@code bytes} at the tile path instead of the log's own. */
    FakeLedgerServer replace(TileAddress address, byte[] bytes) {
        replaced.put(address.path(), bytes.clone());
        return this;
    }

    /** The paths requested so far (without query), and forgets them. */
    List<String> takeRequests() {
        List<String> taken = List.copyOf(requests);
        requests.clear();
        return taken;
    }

    /** A runner logged in to this server through the environment, with its own config directory. */
    CliRunner cli(java.nio.file.Path configDirectory) {
        return CliRunner.withConfigIn(configDirectory).env("GREENLIGHT_SERVER", url()).env("GREENLIGHT_API_KEY", CliRunner.API_KEY);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(path);
        if (!("Bearer " + CliRunner.API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problem(exchange, 401, "Unauthenticated");
            return;
        }
        if (path.equals("/api/v1/me")) {
            json(exchange, "{\"name\":\"auditor\",\"kind\":\"service-account\",\"workspace\":{\"slug\":\"" + WORKSPACE + "\",\"name\":\"Acme\"}}");
        } else if (path.equals("/api/v1/ledger/keys")) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < publishedKeys.size(); i++) {
                String key = publishedKeys.get(i);
                items.append(i == 0 ? "" : ",").append("""
                        {"id":"00000000-0000-0000-0000-00000000000%d","keyId":"%s","verifierKey":"%s","source":"file",\
                        "validFrom":"2025-01-01T00:00:00Z","retiredAt":null,"active":true}""".formatted(i, key.split("\\+")[1], key));
            }
            json(exchange, "{\"items\":[" + items + "],\"nextCursor\":null}");
        } else if (path.equals("/ledger/" + WORKSPACE + "/checkpoint")) {
            send(exchange, 200, "text/plain; charset=utf-8", checkpoint);
        } else if (path.startsWith("/ledger/" + WORKSPACE + "/tile/")) {
            String tilePath = path.substring(("/ledger/" + WORKSPACE + "/").length());
            Optional<byte[]> body;
            try {
                body = Optional.ofNullable(replaced.get(tilePath)).or(() -> log.tile(TileAddress.parse(tilePath)));
            } catch (LedgerFormatException e) {
                body = Optional.empty();
            }
            if (body.isPresent()) {
                send(exchange, 200, "application/octet-stream", body.get());
            } else {
                problem(exchange, 404, "Not Found");
            }
        } else {
            problem(exchange, 404, "Not Found");
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(HttpExchange exchange, int status, String title) throws IOException {
        send(exchange, status, "application/problem+json",
                ("{\"title\":\"" + title + "\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
