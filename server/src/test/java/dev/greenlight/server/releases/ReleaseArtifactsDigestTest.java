package dev.greenlight.server.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The digest approvals bind to: SHA-256 of the artifacts as canonical JSON, sorted by name. */
class ReleaseArtifactsDigestTest {

    @Test
    void digestIsTheSha256OfTheCanonicalJsonSortedByName() {
        Release release = release(List.of(new Release.Artifact("b.tar", "2".repeat(64)), new Release.Artifact("a.jar", "1".repeat(64))));
        String canonical = "[{\"name\":\"a.jar\",\"sha256\":\"" + "1".repeat(64) + "\"},{\"name\":\"b.tar\",\"sha256\":\"" + "2".repeat(64) + "\"}]";

        assertThat(release.artifactsDigest()).isEqualTo(Release.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void orderDoesNotMatterButEveryNameAndDigestDoes() {
        Release.Artifact jar = new Release.Artifact("app.jar", "1".repeat(64));
        Release.Artifact image = new Release.Artifact("image.tar", "2".repeat(64));
        String digest = release(List.of(jar, image)).artifactsDigest();

        assertThat(release(List.of(image, jar)).artifactsDigest()).isEqualTo(digest);
        assertThat(release(List.of(jar, new Release.Artifact("image.tar", "3".repeat(64)))).artifactsDigest()).isNotEqualTo(digest);
        assertThat(release(List.of(jar, new Release.Artifact("image2.tar", "2".repeat(64)))).artifactsDigest()).isNotEqualTo(digest);
        assertThat(release(List.of(jar)).artifactsDigest()).isNotEqualTo(digest);
        assertThat(release(List.of()).artifactsDigest())
                .as("SHA-256 of []").isEqualTo("4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945");
    }

    private static Release release(List<Release.Artifact> artifacts) {
        return new Release(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "1.0.0", "a".repeat(40), null, artifacts, null,
                Instant.now(), UUID.randomUUID(), List.of());
    }
}
