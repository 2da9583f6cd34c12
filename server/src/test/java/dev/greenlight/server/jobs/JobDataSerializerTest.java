package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;

/** Jobs are stored as JSON that reads back as it was written. */
class JobDataSerializerTest {
    private final JobDataSerializer serializer = new JobDataSerializer();

    @Test
    void roundTripsWithAndWithoutAWorkspace() {
        JobData withWorkspace = new JobData("{\"step\":\"canary-5\",\"text\":\"ünïcødé \\\"quoted\\\"\"}", UUID.randomUUID(), JobPriority.CRITICAL,
                Instant.parse("2025-06-01T12:00:00.123456Z"));
        JobData without = new JobData("[]", null, JobPriority.BULK, Instant.parse("2025-06-01T12:00:00Z"));

        assertThat(serializer.deserialize(JobData.class, serializer.serialize(withWorkspace))).isEqualTo(withWorkspace);
        assertThat(serializer.deserialize(JobData.class, serializer.serialize(without))).isEqualTo(without);
        assertThat(new String(serializer.serialize(without), StandardCharsets.UTF_8))
                .isEqualTo("{\"payload\":\"[]\",\"workspaceId\":null,\"priority\":\"bulk\",\"enqueuedAt\":\"2025-06-01T12:00:00Z\"}");
    }

    @Test
    void unreadableDataFailsWithoutQuotingIt() {
        byte[] broken = "{\"payload\":\"token=s3cr3t\",\"priority\":\"urgent\",\"enqueuedAt\":\"now\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serializer.deserialize(JobData.class, broken)).isInstanceOf(SerializationException.class)
                .message().doesNotContain("s3cr3t");
        assertThatThrownBy(() -> serializer.serialize("not job data")).isInstanceOf(SerializationException.class);
    }
}
