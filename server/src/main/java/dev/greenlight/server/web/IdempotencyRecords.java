package dev.greenlight.server.web;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency_records table. Must be called inside the transaction of the request it guards. The filter uses it
 * for JSON requests; upload handlers use it directly with a fingerprint of their streamed content.
 */
@Repository
public class IdempotencyRecords {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String INVALID_KEY = "Idempotency-Key must be 1 to 255 visible ASCII characters.";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** Marks a row inserted by a request still running; only visible to that request's own transaction. */
    private static final int PENDING = 0;

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the key for this request, or returns what an earlier request under the key stored. Blocks while another
     * transaction holds the key, then sees its outcome: its stored response if it committed, a free key if not.
     */
    public static boolean isValidKey(String key) {
        return VALID_KEY.matcher(key).matches();
    }

    public Optional<StoredResponse> claim(UUID principalId, String key, byte[] fingerprint) {
        int inserted = jdbc.sql("""
                insert into idempotency_records (principal_id, idempotency_key, request_sha256, status, body, created_at)
                values (:principal, :key, :fingerprint, :pending, ''::bytea, :now)
                on conflict do nothing""")
                .param("principal", principalId)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("pending", PENDING)
                .param("now", OffsetDateTime.now(clock))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select request_sha256, status, content_type, location, body from idempotency_records
                where principal_id = :principal and idempotency_key = :key""")
                .param("principal", principalId)
                .param("key", key)
                .query((row, number) -> new StoredResponse(
                        !MessageDigest.isEqual(row.getBytes("request_sha256"), fingerprint),
                        row.getInt("status"),
                        row.getString("content_type"),
                        row.getString("location"),
                        row.getBytes("body")))
                .optional();
    }

    public void complete(UUID principalId, String key, int status, @Nullable String contentType, @Nullable String location, byte[] body) {
        jdbc.sql("""
                update idempotency_records set status = :status, content_type = :contentType, location = :location, body = :body
                where principal_id = :principal and idempotency_key = :key""")
                .param("status", status)
                .param("contentType", contentType)
                .param("location", location)
                .param("body", body)
                .param("principal", principalId)
                .param("key", key)
                .update();
    }

    /** What an earlier request under the key stored; {@code mismatch} when its fingerprint differs from this one's. */
    public record StoredResponse(boolean mismatch, int status, @Nullable String contentType, @Nullable String location, byte[] body) {
    }
}
