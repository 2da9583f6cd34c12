package dev.greenlight.evidence.facts;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One vulnerability in one package, as a scanner or SBOM reports it. {@code fixedVersion} is null when no fix is
 * known, which is what policies like "no high vulnerability that has a fix" read.
 */
public record Finding(
        String id,
        Severity severity,
        @Nullable String packageName,
        @Nullable String installedVersion,
        @Nullable String fixedVersion,
        @Nullable String purl,
        @Nullable String title,
        List<String> aliases) {

    public Finding {
        requireNonNull(id, "id is null");
        requireNonNull(severity, "severity is null");
        aliases = List.copyOf(aliases);
    }

    public boolean hasFix() {
        return fixedVersion != null && !fixedVersion.isBlank();
    }

    /** The finding's facts; public so that merged release facts list it in the same shape. */
    public Map<String, Object> toMap() {
        return FactMaps.create().put("id", id).put("severity", severity.wireName()).put("package", packageName)
                .put("installedVersion", installedVersion).put("fixedVersion", fixedVersion).put("hasFix", hasFix())
                .put("purl", purl).put("title", title).put("aliases", aliases).build();
    }
}
