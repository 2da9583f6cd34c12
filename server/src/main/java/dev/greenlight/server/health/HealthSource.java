package dev.greenlight.server.health;

import static java.util.Objects.requireNonNull;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/** Where an environment's version health comes from. */
sealed interface HealthSource {

    /** The name stored and shown: {@code prometheus} or {@code pushed}. */
    String kind();

    /**
     * A Prometheus server asked with instant queries.
     *
     * @param url the server's base address (http or https, without user info, query or fragment)
     * @param bearerToken sent as {@code Authorization: Bearer}; never shown, logged or recorded
     */
    record Prometheus(URI url, @Nullable String bearerToken, QueryTemplates queries) implements HealthSource {
        public static final String KIND = "prometheus";

        public Prometheus {
            requireNonNull(url, "url is null");
            requireNonNull(queries, "queries is null");
        }

        @Override
        public String kind() {
            return KIND;
        }

        /** The host and port, the only part of the address messages and the ledger name. */
        String host() {
            return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        }

        /** Never prints the token. */
        @Override
        public String toString() {
            return "Prometheus[" + url + ", token " + (bearerToken == null ? "unset" : "set") + "]";
        }
    }

    /** Samples that the service (or its collector) pushes through the API. */
    record Pushed() implements HealthSource {
        public static final String KIND = "pushed";

        @Override
        public String kind() {
            return KIND;
        }
    }
}
