package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One page of a list: its items and the opaque cursor of the next page, null on the last one. */
record Page(List<JsonNode> items, @Nullable String nextCursor) {
    Page {
        items = List.copyOf(requireNonNull(items, "items is null"));
        if (nextCursor != null && nextCursor.isEmpty()) {
            nextCursor = null;
        }
    }

    static Page of(JsonNode body, ApiPath path) {
        JsonNode items = body.path("items");
        if (!items.isArray()) {
            throw new UnexpectedResponseException("The server's list at " + path + " has no \"items\" array.");
        }
        List<JsonNode> collected = new ArrayList<>(items.size());
        items.forEach(collected::add);
        JsonNode cursor = body.path("nextCursor");
        return new Page(collected, cursor.isString() ? cursor.stringValue() : null);
    }
}
