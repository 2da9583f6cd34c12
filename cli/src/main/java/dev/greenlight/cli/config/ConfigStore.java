package dev.greenlight.cli.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code config.json}. The file holds a secret, so it is only ever readable by
 * its owner: it is written to a private temporary file first and then moved into place, which
 * also means a crash never leaves half a file behind.
 */
public final class ConfigStore {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ConfigLocation location;

    public ConfigStore(ConfigLocation location) {
        this.location = requireNonNull(location, "location is null");
    }

    public Path file() {
        return location.file();
    }

    public StoredConfig load() {
        String text;
        try {
            text = Files.readString(location.file(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return StoredConfig.EMPTY;
        } catch (IOException e) {
            throw new ConfigFileException("Cannot read the config file " + location.file() + ": " + e.getMessage(), e);
        }
        try {
            JsonNode root = JSON.readTree(text);
            return new StoredConfig(text(root, "server"), text(root, "apiKey"));
        } catch (JacksonException e) {
            throw new ConfigFileException("The config file " + location.file()
                    + " is not valid JSON. Delete it and run `greenlight login` again.", e);
        }
    }

    /** Writes the config, or deletes the file when nothing is left to remember. */
    public void save(StoredConfig config) {
        requireNonNull(config, "config is null");
        try {
            if (config.isEmpty()) {
                Files.deleteIfExists(location.file());
                return;
            }
            PrivateFiles.createDirectories(location.directory(), location.directory());
            PrivateFiles.write(location.file(), JSON.writeValueAsString(toJson(config)) + "\n");
        } catch (IOException e) {
            throw new ConfigFileException("Cannot write the config file " + location.file() + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode toJson(StoredConfig config) {
        ObjectNode root = JSON.createObjectNode();
        if (config.server() != null) {
            root.put("server", config.server());
        }
        if (config.apiKey() != null) {
            root.put("apiKey", config.apiKey());
        }
        return root;
    }

    private static @Nullable String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
