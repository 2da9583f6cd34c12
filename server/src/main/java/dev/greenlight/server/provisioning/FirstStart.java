package dev.greenlight.server.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.config.GreenlightProperties;
import dev.greenlight.server.platform.Actor;

/**
 * On the very first start of an installation: creates the {@code default} workspace and an {@code admin} with a
 * one-time API key, prints the key once and writes it to {@code <data-dir>/bootstrap-admin-key} (mode 0600). A
 * database row marks the installation as bootstrapped, in the same transaction, so the key is never printed again,
 * also when several nodes start together.
 */
@Component
class FirstStart {
    static final String KEY_FILE_NAME = "bootstrap-admin-key";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final WorkspaceProvisioner provisioner;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final GreenlightProperties properties;
    private final Clock clock;

    FirstStart(WorkspaceProvisioner provisioner, JdbcClient jdbc, TransactionTemplate transactions,
            GreenlightProperties properties, Clock clock) {
        this.provisioner = provisioner;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    void bootstrapIfFirstStart() {
        Optional<String> token = transactions.execute(transaction -> {
            int marked = jdbc.sql("""
                    insert into instance_settings (name, value, updated_at) values ('bootstrapped', 'true', :now)
                    on conflict do nothing""").param("now", OffsetDateTime.now(clock)).update();
            if (marked == 0) {
                return Optional.empty();
            }
            var provisioned = provisioner.provision("default", "Default", "admin", true, Actor.SYSTEM);
            // Written before the commit: if the file cannot be written, nothing is committed and the next start retries.
            writeKeyFile(provisioned.key().token());
            return Optional.of(provisioned.key().token());
        });
        token.ifPresent(this::announce);
    }

    private void writeKeyFile(String token) {
        Path file = properties.dataDir().resolve(KEY_FILE_NAME);
        try {
            Files.createDirectories(properties.dataDir());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap admin key file", e);
        }
    }

    /**
     * Printed to the console directly, not through the logger: log lines redact API keys, and this is the one moment
     * the key must be shown in full.
     */
    private void announce(String token) {
        Path file = properties.dataDir().resolve(KEY_FILE_NAME).toAbsolutePath().normalize();
        String banner = """

                ================================================================================
                 Greenlight first start: bootstrap administrator 'admin' of workspace 'default'
                 API key (shown only this once; also saved to %s):

                   %s

                 Use it as:  curl -H "Authorization: Bearer $KEY" http://127.0.0.1:%d/api/v1/me
                ================================================================================
                """.formatted(file, token, properties.port());
        System.out.println(banner);
        System.out.flush();
        log.info("first start: created workspace 'default' and bootstrap administrator 'admin'; key file {}", file);
    }
}
