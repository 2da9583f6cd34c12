package dev.greenlight.server.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.ProblemResponses;
import dev.greenlight.server.platform.SecretResponses;
import dev.greenlight.server.platform.UploadEndpoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes creating POSTs safe to retry. With an {@code Idempotency-Key}, the request runs in one database transaction
 * together with the stored copy of its response: the first successful response is replayed for the same key and
 * body, a different body under the same key is a 422, and a failed request stores nothing, so it may be retried.
 * A concurrent duplicate waits on the row lock of the first and then gets its response. Uploads ({@link UploadEndpoint})
 * are left to their handlers, which use {@link IdempotencyRecords} with a fingerprint of the streamed content.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdempotencyRecords records;
    private final TransactionTemplate transactions;
    private final List<UploadEndpoint> uploads;

    IdempotencyFilter(IdempotencyRecords records, TransactionTemplate transactions, List<UploadEndpoint> uploads) {
        this.records = records;
        this.transactions = transactions;
        this.uploads = List.copyOf(uploads);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(IdempotencyRecords.HEADER) == null
                || uploads.stream().anyMatch(upload -> upload.handles(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(IdempotencyRecords.HEADER);
        if (!IdempotencyRecords.isValidKey(key)) {
            ProblemResponses.write(response, ProblemKind.BAD_REQUEST, IdempotencyRecords.INVALID_KEY, request);
            return;
        }
        Optional<Caller> caller = CurrentCaller.find();
        if (caller.isEmpty()) {
            // Without a caller the request is refused further on; keys are scoped to callers.
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cachedRequest = new CachedBodyRequest(request);
        byte[] fingerprint = fingerprint(cachedRequest);
        ContentCachingResponseWrapper capturing = new ContentCachingResponseWrapper(response);
        Outcome outcome = transactions.execute(transaction -> {
            Optional<IdempotencyRecords.StoredResponse> stored = records.claim(caller.get().principalId(), key, fingerprint);
            if (stored.isPresent()) {
                return Outcome.replay(stored.get());
            }
            try {
                chain.doFilter(cachedRequest, capturing);
            } catch (IOException | ServletException e) {
                transaction.setRollbackOnly();
                return Outcome.failed(e);
            }
            if (capturing.getStatus() >= 200 && capturing.getStatus() < 300 && request.getAttribute(SecretResponses.ATTRIBUTE) != null) {
                records.complete(caller.get().principalId(), key, ProblemKind.CONFLICT.status().value(), ProblemResponses.PROBLEM_JSON.toString(),
                        capturing.getHeader(HttpHeaders.LOCATION), secretAlreadyShown(request));
            } else if (capturing.getStatus() >= 200 && capturing.getStatus() < 300) {
                records.complete(caller.get().principalId(), key, capturing.getStatus(), capturing.getContentType(),
                        capturing.getHeader(HttpHeaders.LOCATION), capturing.getContentAsByteArray());
            } else {
                transaction.setRollbackOnly();
            }
            return Outcome.executed();
        });
        outcome.finish(request, response, capturing);
    }

    /**
     * What a retry of a request whose answer held a one-time secret gets: the creation happened, the secret is not
     * shown again (it was never stored).
     */
    private static byte[] secretAlreadyShown(HttpServletRequest request) {
        var problem = ProblemResponses.problem(ProblemKind.CONFLICT,
                "This request was already processed. Its response carried a secret that is shown only once; it is not stored and cannot be replayed.", request);
        return JSON.writeValueAsBytes(ProblemResponses.toMap(problem));
    }

    private static byte[] fingerprint(CachedBodyRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String line = request.getMethod() + " " + request.getRequestURI() + "?" + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            digest.update(request.body());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What happened inside the transaction, acted on after it committed or rolled back. */
    private record Outcome(IdempotencyRecords.StoredResponse stored, Exception failure) {
        static Outcome replay(IdempotencyRecords.StoredResponse stored) {
            return new Outcome(stored, null);
        }

        static Outcome executed() {
            return new Outcome(null, null);
        }

        static Outcome failed(Exception failure) {
            return new Outcome(null, failure);
        }

        void finish(HttpServletRequest request, HttpServletResponse response, ContentCachingResponseWrapper capturing)
                throws IOException, ServletException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            if (stored == null) {
                // The response leaves only now, after the commit: a client never sees a creation that was rolled back.
                capturing.copyBodyToResponse();
                return;
            }
            if (stored.mismatch()) {
                ProblemResponses.write(response, ProblemKind.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used with a different request; use a new key for a new request.", request);
                return;
            }
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            if (stored.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            response.setHeader(IdempotencyRecords.REPLAYED_HEADER, "true");
            response.getOutputStream().write(stored.body());
        }
    }
}
