package dev.greenlight.bench.jobs;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.greenlight.server.jobs.JobContext;
import dev.greenlight.server.jobs.JobHandler;

/**
 * The benchmark's one job kind: a handler that does nothing but note that it ran, and, for jobs whose payload carries
 * the enqueue time, how long after that it started. Added to the application as a source, next to its own beans.
 */
@Configuration(proxyBeanMethods = false)
public class BenchJobs {
    public static final String KIND = "bench.noop";

    @Bean
    Seen seen() {
        return new Seen();
    }

    @Bean
    JobHandler noOpHandler(Seen seen) {
        return new JobHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public void run(JobContext job) {
                long now = System.nanoTime();
                String payload = job.payload();
                // {"t":<System.nanoTime() just before the enqueue>} for latency jobs, {} for the others.
                if (payload.startsWith("{\"t\":")) {
                    seen.latency(job.key(), now - Long.parseLong(payload.substring(5, payload.length() - 1)));
                }
                seen.ran(now);
            }
        };
    }

    /** What the handler saw on this node. Latencies are kept by key, so a job run twice would show (it must not). */
    public static final class Seen {
        private final AtomicInteger runs = new AtomicInteger();
        private final AtomicLong lastRunNanos = new AtomicLong();
        private final java.util.Map<String, Long> latencies = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger duplicates = new AtomicInteger();

        void ran(long nanos) {
            runs.incrementAndGet();
            lastRunNanos.accumulateAndGet(nanos, Math::max);
        }

        void latency(String key, long nanos) {
            if (latencies.putIfAbsent(key, nanos) != null) {
                duplicates.incrementAndGet();
            }
        }

        public int runs() {
            return runs.get();
        }

        public long lastRunNanos() {
            return lastRunNanos.get();
        }

        public java.util.Map<String, Long> latencies() {
            return latencies;
        }

        public int duplicates() {
            return duplicates.get();
        }

        public void reset() {
            runs.set(0);
            lastRunNanos.set(0);
            latencies.clear();
            duplicates.set(0);
        }
    }
}
