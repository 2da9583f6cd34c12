package dev.greenlight.server.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instant queries against a Prometheus server ({@code GET /api/v1/query}). A query's answer is the sum of its result's
 * values, or nothing when the result is empty or not a number; a server that cannot be reached, takes too long, or
 * answers anything but a successful vector or scalar result makes a {@link HealthSourceUnavailable}. Redirects are not
 * followed: the configured address is the only place Greenlight sends the token.
 */
@Component
class PrometheusQueries implements AutoCloseable {
    /** A vector of a few series is a few hundred bytes; a megabyte means a query that selects far too much. */
    static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final int MAX_QUOTED_ERROR = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    PrometheusQueries(HealthProperties properties) {
        this.connectTimeout = properties.connectTimeout();
        this.requestTimeout = properties.requestTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A query on its way; {@link #answer()} waits for it. Several run side by side. */
    final class Pending {
        private final HealthSource.Prometheus source;
        private final String what;
        private final CompletableFuture<OptionalDouble> result;

        private Pending(HealthSource.Prometheus source, String what, CompletableFuture<OptionalDouble> result) {
            this.source = source;
            this.what = what;
            this.result = result;
        }

        /** The summed value, or empty for no data. */
        OptionalDouble answer() {
            try {
                // The request timeout covers the exchange up to the headers; this bounds the body as well.
                return result.get(connectTimeout.plus(requestTimeout).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                throw timedOut(source, what);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.cancel(true);
                throw new HealthSourceUnavailable("The " + what + " query to Prometheus at " + source.host() + " was interrupted.");
            } catch (ExecutionException e) {
                throw unavailable(source, what, e.getCause());
            }
        }

        void cancel() {
            result.cancel(true);
        }
    }

    /** Starts the instant query {@code promql} evaluated at {@code at}; {@code what} names it in messages ("requests"). */
    Pending start(HealthSource.Prometheus source, String what, String promql, Instant at) {
        HttpRequest.Builder request = HttpRequest.newBuilder(queryAddress(source.url(), promql, at))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "Greenlight")
                .GET();
        if (source.bearerToken() != null) {
            request.header("Authorization", "Bearer " + source.bearerToken());
        }
        CompletableFuture<OptionalDouble> result = client.sendAsync(request.build(), LimitedBody.handler(MAX_ANSWER_BYTES))
                .thenApply(response -> value(source, what, response.statusCode(), response.body()));
        return new Pending(source, what, result);
    }

    static URI queryAddress(URI base, String promql, Instant at) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + unixSeconds(at));
    }

    /** Seconds since the epoch with milliseconds, the form Prometheus reads for {@code time}. */
    static String unixSeconds(Instant at) {
        return String.format(Locale.ROOT, "%d.%03d", at.getEpochSecond(), at.getNano() / 1_000_000);
    }

    /** What one answer says: the sum of the sample values, empty for an empty result or NaN. */
    static OptionalDouble value(HealthSource.Prometheus source, String what, int status, byte[] body) {
        String prefix = "Prometheus at " + source.host() + " answered the " + what + " query ";
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            answer = null;
        }
        if (status != 200) {
            String error = answer == null ? "" : quotedError(answer);
            throw new HealthSourceUnavailable(prefix + "with HTTP " + status + error + ".");
        }
        if (answer == null || !answer.isObject()) {
            throw new HealthSourceUnavailable(prefix + "with something that is not a Prometheus API answer.");
        }
        if (!"success".equals(text(answer.get("status")))) {
            throw new HealthSourceUnavailable(prefix + "with an error" + quotedError(answer) + ".");
        }
        JsonNode data = answer.get("data");
        String resultType = data == null ? null : text(data.get("resultType"));
        JsonNode result = data == null ? null : data.get("result");
        if (result == null || resultType == null) {
            throw new HealthSourceUnavailable(prefix + "without a result.");
        }
        return switch (resultType) {
            case "scalar" -> finiteOrEmpty(sampleValue(result, prefix));
            case "vector" -> {
                if (!result.isArray()) {
                    throw new HealthSourceUnavailable(prefix + "with a malformed vector.");
                }
                if (result.isEmpty()) {
                    yield OptionalDouble.empty();
                }
                double sum = 0;
                for (JsonNode sample : result) {
                    sum += sampleValue(sample.get("value"), prefix);
                }
                yield finiteOrEmpty(sum);
            }
            default -> throw new HealthSourceUnavailable(prefix + "with a " + resultType.replaceAll("[^a-z]", "")
                    + " result; the query must give an instant vector or a scalar.");
        };
    }

    private static OptionalDouble finiteOrEmpty(double value) {
        // NaN is how PromQL says "nothing to compute from" (a quantile over no observations, 0/0): no data.
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** A {@code [timestamp, "value"]} pair's value; Prometheus writes numbers as strings, with NaN and ±Inf spelled out. */
    private static double sampleValue(@Nullable JsonNode pair, String prefix) {
        String value = pair != null && pair.isArray() && pair.size() == 2 ? text(pair.get(1)) : null;
        if (value == null) {
            throw new HealthSourceUnavailable(prefix + "with a sample that has no value.");
        }
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new HealthSourceUnavailable(prefix + "with a sample value that is not a number.");
                }
            }
        };
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    /** Prometheus's own words (": bad_data: parse error …"), shortened and on one line, or nothing. */
    private static String quotedError(JsonNode answer) {
        if (!answer.isObject()) {
            return "";
        }
        String type = text(answer.get("errorType"));
        String error = text(answer.get("error"));
        StringBuilder quoted = new StringBuilder();
        if (type != null) {
            quoted.append(type);
        }
        if (error != null) {
            quoted.append(quoted.isEmpty() ? "" : ": ").append(error);
        }
        String oneLine = quoted.toString().replaceAll("[\\p{Cntrl}\\p{Cs}]+", " ").strip();
        if (oneLine.length() > MAX_QUOTED_ERROR) {
            oneLine = oneLine.substring(0, MAX_QUOTED_ERROR) + "…";
        }
        return oneLine.isEmpty() ? "" : ": " + oneLine;
    }

    private HealthSourceUnavailable timedOut(HealthSource.Prometheus source, String what) {
        return new HealthSourceUnavailable("Prometheus at " + source.host() + " did not answer the " + what + " query within "
                + requestTimeout.toMillis() + " ms.");
    }

    /** Names the failure by its kind only: the exceptions' own messages are not ours to vouch for. */
    private HealthSourceUnavailable unavailable(HealthSource.Prometheus source, String what, Throwable cause) {
        return switch (cause) {
            case HealthSourceUnavailable already -> already;
            case HttpConnectTimeoutException e -> new HealthSourceUnavailable("Could not connect to Prometheus at " + source.host()
                    + " within " + connectTimeout.toMillis() + " ms.");
            case HttpTimeoutException e -> timedOut(source, what);
            case ConnectException e -> new HealthSourceUnavailable("Could not connect to Prometheus at " + source.host() + ".");
            case LimitedBody.TooLarge e -> new HealthSourceUnavailable("Prometheus at " + source.host() + " answered the " + what
                    + " query with more than " + MAX_ANSWER_BYTES + " bytes.");
            case IOException e -> new HealthSourceUnavailable("The " + what + " query to Prometheus at " + source.host() + " failed ("
                    + e.getClass().getSimpleName() + ").");
            default -> new HealthSourceUnavailable("The " + what + " query to Prometheus at " + source.host() + " failed ("
                    + cause.getClass().getSimpleName() + ").");
        };
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
