package dev.greenlight.evidence.merge;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file the release ships, which provenance subjects are matched against by SHA-256 digest.
 *
 * @param sha256 hex; read in lower case, as in-toto subjects' digests are
 */
public record ReleaseArtifact(String name, String sha256) {
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public ReleaseArtifact {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!SHA_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("artifact " + name + " has a sha256 that is not 64 hex digits");
        }
    }
}
