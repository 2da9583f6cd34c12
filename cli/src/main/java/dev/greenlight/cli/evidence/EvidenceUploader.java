package dev.greenlight.cli.evidence;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.ApiProblemException;
import dev.greenlight.cli.client.ApiResponse;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.client.ServerUnreachableException;
import dev.greenlight.cli.failure.CliException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sends one file, and sends it again, at most {@link #MAX_RETRIES} times, when the connection
 * failed, the server failed (5xx) or asked to slow down (429); never after any other 4xx, which
 * would only be refused again. Every attempt carries the same {@code Idempotency-Key}, so an
 * attempt that reached the server before the connection broke is answered, not stored twice.
 */
final class EvidenceUploader {
    static final int MAX_RETRIES = 2;

    /** The longest a {@code Retry-After} is waited for; a server asking for more is not coming back soon. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final GreenlightClient client;
    private final Duration backoff;
    private final PrintWriter err;
    private final Supplier<String> idempotencyKeys;

    EvidenceUploader(GreenlightClient client, Duration backoff, PrintWriter err) {
        this(client, backoff, err, () -> UUID.randomUUID().toString());
    }

    EvidenceUploader(GreenlightClient client, Duration backoff, PrintWriter err, Supplier<String> idempotencyKeys) {
        this.client = requireNonNull(client, "client is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.err = requireNonNull(err, "err is null");
        this.idempotencyKeys = requireNonNull(idempotencyKeys, "idempotencyKeys is null");
    }

    /**
     * @throws ApiProblemException when the server refused the file, or still failed after the retries
     * @throws ServerUnreachableException when the server could not be reached, after the retries
     * @throws UnreadableFileException when the file could not be read while it was sent
     */
    ApiResponse upload(ApiPath path, Map<String, String> query, String contentType, Path file, long size, UploadProgress progress,
            String display) {
        String idempotencyKey = idempotencyKeys.get();
        for (int attempt = 0; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            CliException failure;
            try (FileBody body = new FileBody(file, size, progress)) {
                try {
                    return client.upload(path, query, contentType, body.publisher(), idempotencyKey);
                } catch (ApiProblemException e) {
                    if (!retryable(e.problem().status())) {
                        throw e;
                    }
                    failure = e;
                    retryAfter = e.retryAfter();
                } catch (ServerUnreachableException e) {
                    IOException readFailure = body.readFailure();
                    if (readFailure != null) {
                        throw new UnreadableFileException(readFailure);
                    }
                    failure = e;
                }
            } finally {
                progress.done();
            }
            if (attempt == MAX_RETRIES || !pause(wait(attempt, retryAfter), attempt, display, failure)) {
                throw failure;
            }
        }
    }

    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** The backoff doubles with each attempt; a shorter {@code Retry-After} than the backoff does not shorten it. */
    Duration wait(int attempt, Optional<Duration> retryAfter) {
        Duration doubling = backoff.multipliedBy(1L << attempt);
        return retryAfter.map(asked -> asked.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked)
                .filter(asked -> asked.compareTo(doubling) > 0)
                .orElse(doubling);
    }

    private boolean pause(Duration wait, int attempt, String display, CliException failure) {
        err.println("Retrying " + display + " in " + seconds(wait) + " (attempt " + (attempt + 2) + " of " + (MAX_RETRIES + 1) + "): "
                + failure.getMessage());
        err.flush();
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    /** The file could not be read while it was being sent: a local problem, not the network's. */
    static final class UnreadableFileException extends RuntimeException {
        UnreadableFileException(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
