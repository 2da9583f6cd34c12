package dev.greenlight.evidence.merge;

import java.util.List;
import java.util.Map;

/** The {@code sources} of a merged family: which evidence files its facts came from, so a verdict can be traced. */
final class Sources {
    private Sources() {
    }

    static List<Map<String, Object>> of(List<SourcedFacts> evidence) {
        return evidence.stream().map(one -> MergedMap.create()
                .put("evidence", one.evidenceId())
                .put("type", one.type().wireName())
                .put("sha256", one.sha256())
                .build()).toList();
    }
}
