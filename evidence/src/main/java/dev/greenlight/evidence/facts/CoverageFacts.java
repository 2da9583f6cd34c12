package dev.greenlight.evidence.facts;

import java.util.List;
import java.util.Map;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * Line and branch coverage, overall and per file. A line or branch listed twice (Cobertura lists lines per method and
 * per class; LCOV may repeat records) counts once.
 */
public record CoverageFacts(Counter lines, Counter branches, List<FileCoverage> files, boolean filesTruncated) implements EvidenceFacts {

    public CoverageFacts {
        files = List.copyOf(files);
    }

    /** Covered and missed items; the ratio is covered / (covered + missed), 1.0 when there is nothing to cover. */
    public record Counter(long covered, long missed) {
        public Counter {
            if (covered < 0 || missed < 0) {
                throw new IllegalArgumentException("counts are never negative");
            }
        }

        public long total() {
            return covered + missed;
        }

        public double ratio() {
            return total() == 0 ? 1.0 : (double) covered / total();
        }

        Map<String, Object> toMap() {
            return FactMaps.create().put("covered", covered).put("missed", missed).put("total", total()).put("ratio", ratio()).build();
        }
    }

    public record FileCoverage(String path, Counter lines, Counter branches) {
        Map<String, Object> toMap() {
            return FactMaps.create().put("path", path).put("lines", lines.toMap()).put("branches", branches.toMap()).build();
        }
    }

    @Override
    public FactFamily family() {
        return FactFamily.COVERAGE;
    }

    @Override
    public Map<String, Object> toMap() {
        return FactMaps.create()
                .put("lines", lines.toMap()).put("branches", branches.toMap())
                .put("files", files.stream().map(FileCoverage::toMap).toList())
                .put("filesTruncated", filesTruncated)
                .build();
    }
}
