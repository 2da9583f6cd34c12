package dev.greenlight.cli.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One request as the fake server saw it. Header names are lower-cased. */
public record RecordedRequest(String method, String path, @Nullable String rawQuery, Map<String, List<String>> headers, String body) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String target() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }
}
