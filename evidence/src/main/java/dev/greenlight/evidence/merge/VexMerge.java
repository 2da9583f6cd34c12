package dev.greenlight.evidence.merge;

import java.util.List;
import java.util.Map;

import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VexFacts.Statement;

/**
 * Every VEX statement of the release, in the order they take effect (upload order, then document order), each with
 * the evidence it came from so a suppression can be traced to the document that made it.
 */
final class VexMerge {
    private VexMerge() {
    }

    static Map<String, Object> merge(List<SourcedFacts> evidence, int maxListedItems) {
        BoundedList<Map<String, Object>> statements = new BoundedList<>(maxListedItems);
        long count = 0;
        for (SourcedFacts one : evidence) {
            for (Statement statement : ((VexFacts) one.facts()).statements()) {
                statements.add(MergedMap.startingWith(statement.toMap()).put("evidence", one.evidenceId()).build());
                count++;
            }
        }
        return MergedMap.create()
                .put("statements", statements.items())
                .put("count", count)
                .put("statementsTruncated", statements.cut())
                .put("sources", Sources.of(evidence))
                .build();
    }
}
