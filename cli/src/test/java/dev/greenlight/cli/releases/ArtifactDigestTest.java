package dev.greenlight.cli.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArtifactDigestTest {
    private static final String DIGEST = "a".repeat(64);

    @Test
    void splitsAtTheLastEqualsSignAndLowercasesTheDigest() {
        assertThat(ArtifactDigest.parse("odd=name.jar=" + DIGEST.toUpperCase()))
                .isEqualTo(new ArtifactDigest("odd=name.jar", DIGEST));
    }

    @Test
    void rejectsAMissingSeparatorOrName() {
        assertThatThrownBy(() -> ArtifactDigest.parse(DIGEST)).hasMessageContaining("expected NAME=SHA256");
        assertThatThrownBy(() -> ArtifactDigest.parse("=" + DIGEST)).hasMessageContaining("name is empty");
    }
}
