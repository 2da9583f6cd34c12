package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Greenlight REST API with one API key. Every failure surfaces as a
 * {@link dev.greenlight.cli.failure.CliException} that says what went wrong in words.
 */
public final class GreenlightClient implements AutoCloseable {
    /** The page size asked for when the user caps a list; servers commonly refuse larger pages. */
    static final int MAX_PAGE_SIZE = 100;

    /** Bodies up to this size are sent at once: the server reads and discards that much of a refused request. */
    static final long EXPECT_CONTINUE_FROM_BYTES = 1024 * 1024;

    /**
     * The slowest upload rate (256 KiB/s, about 2 Mbit/s) an upload is given time for, on top of the
     * request timeout: a 100 MiB file may take up to 400 s more before the answer must have come.
     */
    static final long SLOWEST_UPLOAD_BYTES_PER_SECOND = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final HttpSettings settings;
    private final Supplier<String> idempotencyKeys;
    private final ResponseInterpreter interpreter = new ResponseInterpreter(JSON);
    private final HttpClient http;

    public GreenlightClient(Connection connection, HttpSettings settings) {
        this(connection, settings, () -> UUID.randomUUID().toString());
    }

    GreenlightClient(Connection connection, HttpSettings settings, Supplier<String> idempotencyKeys) {
        this.connection = requireNonNull(connection, "connection is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.idempotencyKeys = requireNonNull(idempotencyKeys, "idempotencyKeys is null");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // HTTP/1.1 avoids the h2c upgrade dance on plain http, which some proxies mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ServerAddress server() {
        return connection.server();
    }

    public JsonNode get(ApiPath path) {
        return get(path, Map.of());
    }

    /** GETs one resource chosen by query parameters (such as {@code environment=prod}), encoded here. */
    public JsonNode getWithQuery(ApiPath path, Map<String, String> query) {
        return get(path, query);
    }

    /**
     * POSTs an action that creates nothing and takes no body, such as a replay. It carries no
     * {@code Idempotency-Key} and is sent once: there is nothing a retry could duplicate, but whether
     * to ask again is the caller's decision.
     */
    public JsonNode postWithoutBody(ApiPath path) {
        return interpreter.interpret(exchange(request(path, Map.of()).POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    /**
     * Follows {@code nextCursor} until the server has no more, or until {@code limit} items were
     * collected when a limit is given.
     */
    public List<JsonNode> list(ApiPath path, @Nullable Integer limit) {
        return list(path, Map.of(), limit);
    }

    /**
     * Like {@link #list(ApiPath, Integer)}, narrowed by filters sent as query parameters (such as
     * {@code environment=prod}); the filters are repeated on every page.
     */
    public List<JsonNode> list(ApiPath path, Map<String, String> filters, @Nullable Integer limit) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit is positive: " + limit);
        }
        List<JsonNode> items = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        String cursor = null;
        do {
            Map<String, String> query = new LinkedHashMap<>(filters);
            if (limit != null) {
                query.put("limit", Integer.toString(Math.min(limit - items.size(), MAX_PAGE_SIZE)));
            }
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            Page page = Page.of(get(path, query), path);
            for (JsonNode item : page.items()) {
                if (limit == null || items.size() < limit) {
                    items.add(item);
                }
            }
            cursor = page.nextCursor();
            if (cursor != null && !seenCursors.add(cursor)) {
                throw new UnexpectedResponseException("The server returned the same page cursor twice while listing " + path + ".");
            }
        } while (cursor != null && (limit == null || items.size() < limit));
        return List.copyOf(items);
    }

    /** DELETEs a resource; whatever body the answer has is ignored. */
    public void delete(ApiPath path) {
        interpreter.interpret(exchange(request(path, Map.of()).DELETE().build()));
    }

    /**
     * POSTs a new resource. The request carries a fresh {@code Idempotency-Key} and is sent again,
     * once, with the same key when the connection fails: the server then answers with the first
     * result instead of creating a duplicate.
     */
    public JsonNode create(ApiPath path, JsonNode body) {
        HttpRequest request = request(path, Map.of())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKeys.get())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (InterruptedIOException interrupted) {
            throw new ServerUnreachableException(connection.server(), interrupted);
        } catch (IOException firstFailure) {
            response = exchange(request);
        }
        return interpreter.interpret(response);
    }

    /**
     * POSTs a file as the raw request body, streamed by {@code body}, with the given
     * {@code Idempotency-Key}. It is sent once: an upload can be large, so whether and when to send
     * it again is the caller's decision. The answer may take as long as sending the body at a slow
     * rate, plus the usual request timeout.
     *
     * @throws ApiProblemException when the server answers with anything but 2xx
     * @throws ServerUnreachableException when there was no answer
     */
    public ApiResponse upload(ApiPath path, Map<String, String> query, String contentType, HttpRequest.BodyPublisher body,
            String idempotencyKey) {
        Duration sending = Duration.ofSeconds(Math.max(0, body.contentLength()) / SLOWEST_UPLOAD_BYTES_PER_SECOND);
        HttpRequest request = request(path, query)
                .timeout(settings.requestTimeout().plus(sending))
                // The server answers a refusal (too large, no permission, no such release) before asking for the body:
                // without this a large body meets a closed connection instead of the answer.
                .expectContinue(body.contentLength() < 0 || body.contentLength() > EXPECT_CONTINUE_FROM_BYTES)
                .header("Content-Type", requireNonNull(contentType, "contentType is null"))
                .header("Idempotency-Key", requireNonNull(idempotencyKey, "idempotencyKey is null"))
                .POST(body)
                .build();
        HttpResponse<String> response = exchange(request);
        return new ApiResponse(response.statusCode(), interpreter.interpret(response));
    }

    /**
     * GETs the raw bytes at {@code encodedPath} (outside {@code /api/v1}, already percent-encoded),
     * with the API key. Reads at most {@code maxBytes}: the answer comes from a server the caller may
     * be auditing, so it must not be able to exhaust this process's memory.
     */
    public byte[] download(String encodedPath, String accept, int maxBytes) {
        if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        HttpRequest request = HttpRequest.newBuilder(connection.server().resolveRaw(encodedPath))
                .timeout(settings.requestTimeout())
                .header("Authorization", connection.apiKey().authorizationHeader())
                .header("Accept", accept)
                .header("User-Agent", settings.userAgent())
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(connection.server(), new InterruptedIOException("interrupted while waiting for the server"));
        } catch (IOException e) {
            throw new ServerUnreachableException(connection.server(), e);
        }
        byte[] body;
        try (InputStream stream = response.body()) {
            body = stream.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new ServerUnreachableException(connection.server(), e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new ApiProblemException(interpreter.problemOf(status, response.headers(), new String(body, StandardCharsets.UTF_8)));
        }
        if (body.length > maxBytes) {
            throw new UnexpectedResponseException("The server's answer to GET " + encodedPath + " is larger than the "
                    + maxBytes + " bytes such a resource can have.");
        }
        return body;
    }

    private JsonNode get(ApiPath path, Map<String, String> query) {
        return interpreter.interpret(exchange(request(path, query).GET().build()));
    }

    private HttpRequest.Builder request(ApiPath path, Map<String, String> query) {
        String rawQuery = query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(connection.server().resolve(path, rawQuery))
                .timeout(settings.requestTimeout())
                .header("Authorization", connection.apiKey().authorizationHeader())
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", settings.userAgent());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return send(request);
        } catch (IOException e) {
            throw new ServerUnreachableException(connection.server(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the server");
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
