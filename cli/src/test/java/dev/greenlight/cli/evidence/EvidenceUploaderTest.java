package dev.greenlight.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.client.ApiKey;
import dev.greenlight.cli.client.Connection;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.client.HttpSettings;
import dev.greenlight.cli.client.ServerAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceUploaderTest {
    private final HttpSettings settings = HttpSettings.defaults("test");
    private final GreenlightClient client = new GreenlightClient(
            new Connection(ServerAddress.parse("http://127.0.0.1:1"), new ApiKey("glk_id_secret"), false), settings);
    private final EvidenceUploader uploader = new EvidenceUploader(client, Duration.ofSeconds(1), new PrintWriter(new StringWriter()));

    @Test
    void theBackoffDoublesWithEachAttempt() {
        assertThat(uploader.wait(0, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(uploader.wait(1, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToThirtySeconds() {
        assertThat(uploader.wait(0, Optional.of(Duration.ofSeconds(5)))).isEqualTo(Duration.ofSeconds(5));
        assertThat(uploader.wait(1, Optional.of(Duration.ofMillis(500)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(uploader.wait(0, Optional.of(Duration.ofHours(1)))).isEqualTo(EvidenceUploader.LONGEST_WAIT);
    }

    @Test
    void onlyServerFailuresAndRateLimitsAreRetried() {
        assertThat(EvidenceUploader.retryable(500)).isTrue();
        assertThat(EvidenceUploader.retryable(503)).isTrue();
        assertThat(EvidenceUploader.retryable(429)).isTrue();
        assertThat(EvidenceUploader.retryable(422)).isFalse();
        assertThat(EvidenceUploader.retryable(413)).isFalse();
        assertThat(EvidenceUploader.retryable(404)).isFalse();
    }

    @Test
    void failuresThatWouldRefuseEveryFileStopThePush() {
        assertThat(EvidencePusher.concernsEveryFile(401)).isTrue();
        assertThat(EvidencePusher.concernsEveryFile(403)).isTrue();
        assertThat(EvidencePusher.concernsEveryFile(404)).isTrue();
        assertThat(EvidencePusher.concernsEveryFile(503)).isTrue();
        assertThat(EvidencePusher.concernsEveryFile(413)).isFalse();
        assertThat(EvidencePusher.concernsEveryFile(415)).isFalse();
        assertThat(EvidencePusher.concernsEveryFile(422)).isFalse();
        assertThat(EvidencePusher.concernsEveryFile(400)).isFalse();
    }
}
