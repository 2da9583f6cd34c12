package dev.greenlight.cli.ledger;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.client.ServerAddress;
import dev.greenlight.cli.config.ConfigLocation;
import dev.greenlight.cli.config.PrivateFiles;
import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.TreeHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps one {@link LedgerState} per server and workspace, in
 * {@code <config dir>/ledger/<server>/<workspace>.json} (directories {@code 0700}, file {@code 0600},
 * replaced atomically). It holds no secret, but it is this machine's memory of the log: whoever can
 * rewrite it can make a forked log look consistent, so it is kept as private as the API key.
 */
final class LedgerStateStore {
    static final int FORMAT_VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path configDirectory;
    private final Path file;
    private final ServerAddress server;
    private final String workspace;

    LedgerStateStore(ConfigLocation location, ServerAddress server, String workspace) {
        this.configDirectory = requireNonNull(location, "location is null").directory();
        this.server = requireNonNull(server, "server is null");
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.file = configDirectory.resolve("ledger").resolve(directoryName(server)).resolve(workspace + ".json");
    }

    Path file() {
        return file;
    }

    /**
     * The server as a directory name: host, then {@code _port} if the URL names one, then the path
     * prefix with {@code /} as {@code _}; anything but letters, digits, dot and dash becomes {@code _}.
     */
    static String directoryName(ServerAddress server) {
        StringBuilder name = new StringBuilder(server.uri().getHost().toLowerCase(Locale.ROOT));
        if (server.uri().getPort() != -1) {
            name.append('_').append(server.uri().getPort());
        }
        String path = server.uri().getRawPath();
        if (path != null && !path.isEmpty()) {
            name.append(path.replace('/', '_'));
        }
        String safe = name.toString().replaceAll("[^A-Za-z0-9.-]", "_");
        // "." and ".." would address another directory.
        return safe.chars().allMatch(c -> c == '.') ? safe.replace('.', '_') : safe;
    }

    Optional<LedgerState> load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LedgerCliException("Cannot read the ledger state file " + file + ": " + e.getMessage(), e, List.of());
        }
        LedgerState state;
        try {
            state = parse(JSON.readTree(text));
        } catch (JacksonException | LedgerException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw corrupt("it is not a ledger state file of this CLI (" + e.getMessage() + ")");
        }
        if (!ServerAddress.parse(state.server()).equals(server) || !state.workspace().equals(workspace)) {
            throw corrupt("it is for workspace " + state.workspace() + " on " + state.server()
                    + ", not for workspace " + workspace + " on " + server);
        }
        return Optional.of(state);
    }

    /** Replaces the state; called only after an audit succeeded. */
    void save(LedgerState state) {
        ObjectNode root = JSON.createObjectNode()
                .put("version", FORMAT_VERSION)
                .put("server", state.server())
                .put("workspace", state.workspace())
                .put("origin", state.origin())
                .put("size", state.treeHead().size())
                .put("root", state.treeHead().root().base64())
                .put("checkpoint", state.checkpoint())
                .put("auditedAt", state.auditedAt().toString());
        state.pinnedKeys().forEach(root.putArray("pinnedKeys")::add);
        try {
            PrivateFiles.createDirectories(configDirectory, file.getParent());
            PrivateFiles.write(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new LedgerCliException("The audit succeeded, but the ledger state file " + file + " cannot be written: " + e.getMessage(),
                    e, List.of("The next audit will not be able to check consistency with this one."));
        }
    }

    private static LedgerState parse(JsonNode root) {
        if (root.path("version").asInt(0) != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown version " + root.path("version"));
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode key : root.path("pinnedKeys")) {
            keys.add(requireText(key, "pinnedKeys[]"));
        }
        return new LedgerState(
                requireText(root.path("server"), "server"),
                requireText(root.path("workspace"), "workspace"),
                requireText(root.path("origin"), "origin"),
                new TreeHead(requireNumber(root.path("size"), "size"), Hash.fromBase64(requireText(root.path("root"), "root"))),
                requireText(root.path("checkpoint"), "checkpoint"),
                keys,
                Instant.parse(requireText(root.path("auditedAt"), "auditedAt")));
    }

    private static String requireText(JsonNode node, String field) {
        if (!node.isString() || node.stringValue().isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a non-empty string");
        }
        return node.stringValue();
    }

    private static long requireNumber(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an integer");
        }
        return node.longValue();
    }

    private LedgerCliException corrupt(String why) {
        return new LedgerCliException("The ledger state file " + file + " cannot be used: " + why + ".",
                "Fix or delete it. Deleting it forgets the last audited checkpoint: the next audit then starts over, as a first audit does.");
    }
}
