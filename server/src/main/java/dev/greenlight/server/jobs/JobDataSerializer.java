package dev.greenlight.server.jobs;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores {@link JobData} in db-scheduler's {@code task_data} column as JSON, field by field, instead of the library's
 * default Java serialization: the stored jobs stay readable with SQL, and a renamed class cannot make them unreadable.
 */
final class JobDataSerializer implements Serializer {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof JobData job)) {
            throw new SerializationException("only job data is stored here, not " + data.getClass().getName(), null);
        }
        ObjectNode node = JSON.createObjectNode()
                .put("payload", job.payload())
                .put("workspaceId", job.workspaceId() == null ? null : job.workspaceId().toString())
                .put("priority", job.priority().name().toLowerCase(Locale.ROOT))
                .put("enqueuedAt", job.enqueuedAt().toString());
        return JSON.writeValueAsBytes(node);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] serialized) {
        if (serialized == null) {
            return null;
        }
        if (type != JobData.class) {
            throw new SerializationException("only job data is stored here, not " + type.getName(), null);
        }
        try {
            JsonNode node = JSON.readTree(serialized);
            JsonNode workspace = node.get("workspaceId");
            return type.cast(new JobData(
                    node.required("payload").asString(),
                    workspace == null || workspace.isNull() ? null : UUID.fromString(workspace.asString()),
                    JobPriority.valueOf(node.required("priority").asString().toUpperCase(Locale.ROOT)),
                    Instant.parse(node.required("enqueuedAt").asString())));
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            // Never the bytes themselves in the message: they hold the payload.
            throw new SerializationException("stored job data is not readable: " + e.getClass().getSimpleName(), null);
        }
    }
}
