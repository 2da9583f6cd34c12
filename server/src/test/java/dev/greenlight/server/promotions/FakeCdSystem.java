package dev.greenlight.server.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's CD system as the test's own HTTP server on loopback: it checks each webhook's HMAC signature (a request
 * with a bad one is answered 401 and not recorded), records what it was asked to do, and can be told to refuse the
 * next calls to see retries.
 */
final class FakeCdSystem implements AutoCloseable {
    static final String SECRET = "cd-system-shared-secret-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One accepted call: the JSON body and its Idempotency-Key header. */
    record Call(JsonNode body, String idempotencyKey, long receivedNanos) {
        String action() {
            return body.get("action").asString();
        }

        String version() {
            return body.get("release").get("version").asString();
        }

        int percent() {
            return body.get("step").get("percent").asInt();
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();

    FakeCdSystem() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/deploy", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Greenlight-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Greenlight-Signature");
            int status;
            if (timestamp == null || signature == null || !signature.equals("sha256=" + WebhookDeployer.signature(SECRET, timestamp, body))) {
                badSignatures.incrementAndGet();
                status = 401;
            } else if (refuseNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                status = 503;
            } else {
                calls.add(new Call(JSON.readTree(body), exchange.getRequestHeaders().getFirst("Idempotency-Key"), System.nanoTime()));
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/deploy";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    int badSignatures() {
        return badSignatures.get();
    }

    void refuseNext(int count) {
        refuseNext.set(count);
    }

    /** Waits for a call that matches, and returns it. */
    Call await(String what, Predicate<Call> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Call call : calls) {
                if (matching.test(call)) {
                    return call;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(calls()).as("the CD system was asked to " + what + " within " + timeout).anyMatch(matching);
        throw new AssertionError("unreachable");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
