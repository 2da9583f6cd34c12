package dev.greenlight.server.testing;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Follows a list endpoint's cursors to the end, the way a client collects everything. */
public final class Pages {
    private Pages() {
    }

    /** Every item of the list at {@code path} (which may carry its own query), 200 per page. */
    public static List<JsonNode> all(Api api, String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String cursor = null;
        do {
            HttpResult page = api.get(path + separator + "limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.status() != 200) {
                throw new AssertionError("listing " + path + " failed: " + page);
            }
            JsonNode json = page.json();
            json.get("items").forEach(items::add);
            cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asString();
        } while (cursor != null);
        return items;
    }
}
