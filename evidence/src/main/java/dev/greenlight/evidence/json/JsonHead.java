package dev.greenlight.evidence.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What the start of a file shows of its JSON structure, for content detection: the values near the root, by path
 * ({@code /bomFormat}, {@code /metrics/http_reqs}, {@code /0/Target}), down to {@link #MAX_DEPTH} levels and only the
 * first element of each array. A head cut mid-token keeps what was read before the cut; a head that is not JSON shows
 * nothing. Keys are matched at their place in the structure, so a SARIF message that mentions "spdxVersion" is not an
 * SPDX document.
 */
final class JsonHead {
    static final int MAX_DEPTH = 3;
    private static final int MAX_PATHS = 4096;
    /** Scalars are kept up to this length: detection compares short markers only. */
    private static final int MAX_VALUE_LENGTH = 200;
    /** The value recorded for a container. */
    static final String OBJECT = "{";
    static final String ARRAY = "[";

    private static final JsonHead EMPTY = new JsonHead(Map.of());
    /** Detection asks every JSON parser about the same head in a row: parse it once. */
    private static final AtomicReference<Cached> LAST = new AtomicReference<>();

    private final Map<String, String> values;

    private JsonHead(Map<String, String> values) {
        this.values = values;
    }

    private record Cached(byte[] head, JsonHead parsed) {
    }

    static JsonHead of(byte[] head) {
        Cached cached = LAST.get();
        if (cached != null && cached.head() == head) {
            return cached.parsed();
        }
        JsonHead parsed = parse(head);
        LAST.set(new Cached(head, parsed));
        return parsed;
    }

    /** Whether the path exists (with any value). */
    boolean has(String path) {
        return values.containsKey(path);
    }

    /** The scalar at the path as text, or null when it is absent or a container. */
    @Nullable String text(String path) {
        String value = values.get(path);
        return value == null || value.equals(OBJECT) || value.equals(ARRAY) ? null : value;
    }

    boolean textEquals(String path, String expected) {
        return expected.equals(text(path));
    }

    boolean textContains(String path, String fragment) {
        String text = text(path);
        return text != null && text.contains(fragment);
    }

    boolean isObject(String path) {
        return OBJECT.equals(values.get(path));
    }

    boolean rootIsArray() {
        return ARRAY.equals(values.get(""));
    }

    private static JsonHead parse(byte[] head) {
        if (!startsLikeJson(head)) {
            return EMPTY;
        }
        Map<String, String> values = new HashMap<>();
        Deque<Frame> frames = new ArrayDeque<>();
        try (JsonParser parser = JsonDocuments.headParser(head)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                return EMPTY;
            }
            values.put("", token == JsonToken.START_OBJECT ? OBJECT : ARRAY);
            frames.push(new Frame("", token == JsonToken.START_ARRAY));
            while (!frames.isEmpty() && values.size() < MAX_PATHS && (token = parser.nextToken()) != null) {
                Frame frame = frames.peek();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    frames.pop();
                    continue;
                }
                String path;
                boolean kept;
                if (frame.array) {
                    path = frame.path + "/" + frame.index++;
                    kept = frames.size() <= MAX_DEPTH && frame.index == 1;
                } else {
                    path = frame.path + "/" + parser.currentName();
                    kept = frames.size() <= MAX_DEPTH;
                    if (kept) {
                        // The key is there even if the head ends before (or inside) its value.
                        values.put(path, "");
                    }
                    token = parser.nextToken();
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (kept) {
                        values.put(path, token == JsonToken.START_OBJECT ? OBJECT : ARRAY);
                        frames.push(new Frame(path, token == JsonToken.START_ARRAY));
                    } else {
                        parser.skipChildren();
                    }
                } else if (kept && token != null) {
                    values.put(path, Texts.shorten(token == JsonToken.VALUE_NULL ? "null" : parser.getText(), MAX_VALUE_LENGTH));
                }
            }
        } catch (JacksonException | IllegalStateException e) {
            // The head ends mid-document (or is not JSON from some point on): keep what was read before.
        }
        return new JsonHead(Map.copyOf(values));
    }

    private static boolean startsLikeJson(byte[] head) {
        if (head.length >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)) {
            // A UTF-16 byte order mark (PowerShell's "> report.json" writes UTF-16): Jackson decodes it.
            return true;
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && (head[i] == '{' || head[i] == '[');
    }

    private static final class Frame {
        final String path;
        final boolean array;
        int index;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }
}
