package dev.greenlight.server.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.ledger.LedgerBrowsing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry as the ledger page lists it: a short summary of its subject (its first plain fields, never more than
 * {@link #SUMMARY_LENGTH} characters) and the links to its JSON and its inclusion proof.
 */
record LedgerEntryRow(long index, Instant at, String kind, @Nullable String project, String actor, String summary, String jsonLink,
        String proofLink) {
    static final int SUMMARY_LENGTH = 120;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static LedgerEntryRow of(LedgerBrowsing.Entry entry, String workspace) {
        String base = "/api/v1/ledger/" + workspace + "/entries/" + entry.index();
        return new LedgerEntryRow(entry.index(), entry.at(), entry.kind(), entry.project(), entry.actor(), summary(entry.bytes()),
                base, base + "/proof");
    }

    static String summary(byte[] bytes) {
        JsonNode subject;
        try {
            subject = JSON.readTree(bytes).get("subject");
        } catch (RuntimeException e) {
            return "";
        }
        if (subject == null || !subject.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : subject.properties()) {
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull() && !value.asString().isEmpty()) {
                parts.add(field.getKey() + ": " + value.asString());
            } else if (value.isArray()) {
                parts.add(field.getKey() + ": " + value.size() + (value.size() == 1 ? " item" : " items"));
            }
        }
        String summary = String.join(", ", parts);
        return summary.length() <= SUMMARY_LENGTH ? summary : summary.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
