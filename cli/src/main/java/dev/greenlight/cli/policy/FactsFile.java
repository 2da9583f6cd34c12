package dev.greenlight.cli.policy;

import dev.greenlight.policy.FactCatalog;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A release's facts as a file: the body of {@code GET /api/v1/projects/{project}/releases/{version}/facts} (its
 * {@code facts} member is read), or the bare map of family → facts. A family left out is absent, as on the server.
 */
final class FactsFile {
    /** The server lists up to 10,000 items per list; a facts file of a large release is a few megabytes. */
    private static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FactsFile() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        byte[] bytes = InputFile.read(file, "facts file", MAX_BYTES);
        Object root;
        try {
            root = JSON.readValue(bytes, Object.class);
        } catch (JacksonException e) {
            throw new PolicyCliException("The facts file " + file + " is not JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new PolicyCliException("The facts file " + file + " holds no JSON object of facts.");
        }
        Object facts = map.containsKey("facts") && !FactCatalog.standard().families().contains("facts") ? map.get("facts") : map;
        if (!(facts instanceof Map<?, ?> families)) {
            throw new PolicyCliException("The facts member of " + file + " is not an object of family → facts.");
        }
        TreeSet<String> unknown = new TreeSet<>();
        families.keySet().forEach(family -> {
            if (!FactCatalog.standard().families().contains(String.valueOf(family))) {
                unknown.add(String.valueOf(family));
            }
        });
        if (!unknown.isEmpty()) {
            throw new PolicyCliException("The facts file " + file + " has unknown families: " + String.join(", ", unknown)
                    + " (families: " + String.join(", ", FactCatalog.standard().families()) + ").");
        }
        return (Map<String, Object>) families;
    }
}
