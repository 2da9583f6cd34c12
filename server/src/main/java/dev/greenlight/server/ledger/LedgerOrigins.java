package dev.greenlight.server.ledger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.greenlight.server.config.InvalidConfigurationException;

/**
 * The origin base of the installation's logs. It names every checkpoint and signing key, so it is fixed at the first
 * start (stored in instance_settings) and a later configuration that disagrees stops the start instead of silently
 * forking the logs.
 */
@Component
class LedgerOrigins {
    private static final String SETTING = "ledger-origin-base";

    private final String base;

    LedgerOrigins(LedgerProperties properties, JdbcClient jdbc, Clock clock) {
        Optional<String> stored = jdbc.sql("select value from instance_settings where name = :name")
                .param("name", SETTING).query(String.class).optional();
        String configured = properties.origin();
        if (stored.isPresent()) {
            if (!configured.isEmpty() && !configured.equals(stored.get())) {
                throw new InvalidConfigurationException("greenlight.ledger.origin",
                        "the logs were created with origin base '" + stored.get() + "'; it cannot change, or existing checkpoints would no longer verify");
            }
            base = stored.get();
        } else {
            String chosen = configured.isEmpty() ? defaultBase() : configured;
            jdbc.sql("insert into instance_settings (name, value, updated_at) values (:name, :value, :now) on conflict do nothing")
                    .param("name", SETTING).param("value", chosen).param("now", OffsetDateTime.now(clock)).update();
            base = jdbc.sql("select value from instance_settings where name = :name").param("name", SETTING).query(String.class).single();
        }
    }

    String originOf(String workspaceSlug) {
        return base + "/" + workspaceSlug;
    }

    private static String defaultBase() {
        try {
            String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            if (host.matches("[a-z0-9.-]+")) {
                return host + "/ledger";
            }
        } catch (UnknownHostException e) {
            // fall through to the neutral default
        }
        return "localhost/ledger";
    }
}
