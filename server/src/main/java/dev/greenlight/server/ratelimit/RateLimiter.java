package dev.greenlight.server.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Token buckets in the rate_limit_buckets table. A bucket holds a minute's allowance and refills continuously, so
 * bursts up to the limit pass and a steady rate above it is refused. If the database cannot be asked, the request
 * passes: refusing everything because the limiter is unavailable would turn a small fault into an outage.
 */
class RateLimiter {
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<Long> buckets;

    RateLimiter(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** The outcome of one request against one bucket. */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
        static final Decision UNLIMITED = new Decision(true, Long.MAX_VALUE, 0);
    }

    Decision tryConsume(String bucketName, int perMinute) {
        if (perMinute <= 0) {
            return Decision.UNLIMITED;
        }
        try {
            BucketConfiguration configuration = BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build();
            ConsumptionProbe probe = buckets.getProxy(key(bucketName), () -> configuration).tryConsumeAndReturnRemaining(1);
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return new Decision(probe.isConsumed(), probe.getRemainingTokens(), probe.isConsumed() ? 0 : retryAfter);
        } catch (RuntimeException e) {
            log.warn("rate limiter unavailable, letting the request pass: {}", e.toString());
            return Decision.UNLIMITED;
        }
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void removeExpiredBuckets() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            log.warn("could not remove expired rate-limit buckets: {}", e.toString());
        }
    }

    /** Bucket ids are 64-bit; a SHA-256 prefix of the name keeps collisions negligible and names out of the table. */
    static long key(String bucketName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bucketName.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
