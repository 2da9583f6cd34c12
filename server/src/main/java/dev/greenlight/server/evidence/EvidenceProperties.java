package dev.greenlight.server.evidence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.greenlight.server.config.InvalidConfigurationException;

/**
 * Evidence settings ({@code GREENLIGHT_EVIDENCE_*}).
 *
 * @param maxBytes the largest evidence file, and the most file bytes one upload request carries
 * @param maxListedItems the most items a file's facts list (components, findings, failed tests, files); beyond it
 *     facts keep counting and say the list was cut
 */
@Validated
@ConfigurationProperties("greenlight.evidence")
record EvidenceProperties(
        @NotNull @DefaultValue("100MB") DataSize maxBytes,
        @Min(10) @Max(1_000_000) @DefaultValue("10000") int maxListedItems) {

    EvidenceProperties {
        // Checked while binding, so that a bad value stops the start with one line naming the setting.
        if (maxBytes != null && (maxBytes.toBytes() < 1 || maxBytes.toGigabytes() > 64)) {
            throw new InvalidConfigurationException("greenlight.evidence.max-bytes", "must be between 1 byte and 64GB");
        }
    }
}
