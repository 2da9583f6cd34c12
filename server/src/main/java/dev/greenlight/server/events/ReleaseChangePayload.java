package dev.greenlight.server.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification payload of a {@link ReleaseChanged}: compact JSON such as
 * {@code {"workspace":"0190…","project":"shop","version":"1.4.0","environment":"prod","kind":"approvals"}}, a few
 * hundred bytes for the longest slugs and versions Greenlight accepts, far below PostgreSQL's 8000-byte limit.
 * Reading is strict about the fields it needs and lenient about anything else (a newer node may add fields or kinds).
 */
final class ReleaseChangePayload {
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    static final int MAX_BYTES = 7999;
    /** Longer than any slug (63) or version (128); a payload with longer values was not written by Greenlight. */
    private static final int MAX_VALUE_LENGTH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReleaseChangePayload() {
    }

    static String encode(ReleaseChanged change) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workspace", change.workspaceId().toString());
        fields.put("project", change.project());
        fields.put("version", change.version());
        fields.put("environment", change.environment());
        fields.put("kind", change.kind().wireName());
        String payload = JSON.writeValueAsString(fields);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            // Slugs and versions are validated far below this; a longer payload means a caller skipped validation.
            throw new IllegalArgumentException("the change of " + change.project() + " is too large to announce");
        }
        return payload;
    }

    /** The change a payload describes; empty when it is not one (malformed, or of a kind this version does not know). */
    static Optional<ReleaseChanged> decode(String payload) {
        try {
            JsonNode json = JSON.readTree(payload);
            if (json == null || !json.isObject()) {
                return Optional.empty();
            }
            Optional<String> workspace = text(json, "workspace");
            Optional<String> project = text(json, "project");
            Optional<String> version = text(json, "version");
            Optional<ReleaseChanged.Kind> kind = text(json, "kind").flatMap(ReleaseChanged.Kind::fromWireName);
            JsonNode environment = json.get("environment");
            boolean environmentReadable = environment == null || environment.isNull()
                    || environment.isString() && valid(environment.stringValue());
            if (workspace.isEmpty() || project.isEmpty() || version.isEmpty() || kind.isEmpty() || !environmentReadable) {
                return Optional.empty();
            }
            String concerns = environment == null || environment.isNull() ? null : environment.stringValue();
            return Optional.of(new ReleaseChanged(UUID.fromString(workspace.get()), project.get(), version.get(), concerns, kind.get()));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isString() && valid(value.stringValue()) ? Optional.of(value.stringValue()) : Optional.empty();
    }

    private static boolean valid(String value) {
        return !value.isEmpty() && value.length() <= MAX_VALUE_LENGTH;
    }
}
