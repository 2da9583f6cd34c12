package dev.greenlight.server.ledger;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ledger settings ({@code GREENLIGHT_LEDGER_*}).
 *
 * @param origin the base of every log's origin, scheme-less ({@code greenlight.example.com/ledger}); each workspace's
 *     log is {@code <origin>/<workspace-slug>}. Empty: {@code <host name>/ledger}, fixed at the first start.
 * @param checkpointInterval how often the sequencer integrates new entries and signs a checkpoint when the tree grew
 * @param publicCheckpoint whether {@code GET /ledger/{workspace}/checkpoint} needs no credentials
 * @param signingKeyFile a PKCS#8 Ed25519 private key to sign with instead of one generated into the data directory
 */
@Validated
@ConfigurationProperties("greenlight.ledger")
public record LedgerProperties(
        @Pattern(regexp = "([A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~-]+)*)?",
                message = "must be a scheme-less origin such as greenlight.example.com/ledger") @DefaultValue("") String origin,
        @NotNull @DurationMin(millis = 50) @DurationMax(minutes = 10) @DefaultValue("1s") Duration checkpointInterval,
        @DefaultValue("false") boolean publicCheckpoint,
        @DefaultValue("") String signingKeyFile) {

    /** The configured key file, or null to use (or generate) keys in the data directory. */
    @Nullable Path signingKeyPath() {
        return signingKeyFile.isBlank() ? null : Path.of(signingKeyFile);
    }
}
