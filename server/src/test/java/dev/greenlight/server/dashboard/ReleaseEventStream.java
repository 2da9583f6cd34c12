package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.greenlight.server.testing.BrowserSession;

/**
 * A release's live-update stream read the way a browser's EventSource reads it: the events arrive as "name:data" on
 * a background thread; heartbeats (comment lines) are skipped.
 */
final class ReleaseEventStream implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final InputStream body;

    private ReleaseEventStream(InputStream body) {
        this.body = body;
    }

    /**
     * Opens {@code /events/releases/{project}/{version}} on the server at {@code baseUrl}, with the session of
     * {@code session} (none when null) and an Authorization header (none when null); the response as it came.
     */
    static HttpResponse<InputStream> open(String baseUrl, String project, String version, BrowserSession session, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/events/releases/" + project + "/" + version))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET();
        if (session != null) {
            request.header("Cookie", BrowserSession.SESSION_COOKIE + "=" + session.sessionId().orElseThrow());
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
        }
        return response;
    }

    /** Opens the stream with a session and reads it; fails unless it opened and said "ready". */
    static ReleaseEventStream follow(String baseUrl, String project, String version, BrowserSession session)
            throws IOException, InterruptedException {
        ReleaseEventStream events = read(open(baseUrl, project, version, session, null));
        assertThat(events.next()).isEqualTo("ready:");
        return events;
    }

    static ReleaseEventStream read(HttpResponse<InputStream> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        ReleaseEventStream events = new ReleaseEventStream(response.body());
        Thread.ofVirtual().start(events::pump);
        return events;
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (name != null) {
                        queue.add(name + ":" + data);
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    name = name == null ? "message" : name;
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    /** The next event within 10 s; fails when none comes. */
    String next() throws InterruptedException {
        String event = queue.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    /** Fails if an event arrives within {@code quiet}. */
    void assertNothingWithin(Duration quiet) throws InterruptedException {
        assertThat(queue.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).as("no event").isNull();
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
