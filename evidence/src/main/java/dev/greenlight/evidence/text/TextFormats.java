package dev.greenlight.evidence.text;

import java.util.List;

import dev.greenlight.evidence.EvidenceParser;

/** The line-based text formats: LCOV, in detection order. */
public final class TextFormats {
    private TextFormats() {
    }

    public static List<EvidenceParser> parsers() {
        return List.of(new LcovParser());
    }
}
