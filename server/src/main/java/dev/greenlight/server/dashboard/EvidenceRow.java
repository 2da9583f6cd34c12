package dev.greenlight.server.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

import dev.greenlight.server.evidence.ReleaseEvidence;

/** One evidence file on the release page, with the links to its bytes and to the proof of its ledger entry. */
record EvidenceRow(String type, @Nullable String fileName, String sha256, String sha256Short, @Nullable String uploadedBy,
        Instant uploadedAt, String facts, long ledgerIndex, String contentLink, String proofLink) {
    private static final int SHORT_DIGEST = 12;

    static EvidenceRow of(ReleaseEvidence.Item item, String project, String version, String workspace) {
        return new EvidenceRow(item.type(), item.fileName(), item.sha256(), item.sha256().substring(0, SHORT_DIGEST) + "…",
                item.uploadedBy(), item.uploadedAt(), summary(item.summary()), item.ledgerIndex(),
                "/api/v1/projects/" + segment(project) + "/releases/" + segment(version) + "/evidence/" + item.id() + "/content",
                "/api/v1/ledger/" + segment(workspace) + "/entries/" + item.ledgerIndex() + "/proof");
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    /** {@code failed: 1, passed: 2}: the headline numbers on one line; absent values are left out. */
    static String summary(Map<String, Object> facts) {
        return facts.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + ": " + (entry.getValue() instanceof Map<?, ?> nested ? "{" + nestedSummary(nested) + "}" : entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String nestedSummary(Map<?, ?> nested) {
        return nested.entrySet().stream().filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining(", "));
    }
}
