package dev.greenlight.policy;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Where each rule of a parsed pack sits in its YAML, for compile errors to point at. A pack is a plain record, so the
 * positions are kept beside it rather than in it: keyed by the pack, which is equal only to a pack parsed from the
 * same bytes (its {@code sha256} is part of it), so equal packs share positions truthfully. Weak keys: a pack no one
 * holds any more takes its positions with it. A pack built in code has none, and problems then give positions inside
 * the expression only.
 */
final class PackSources {
    private static final Map<PolicyPack, Map<String, RuleSource>> SOURCES = Collections.synchronizedMap(new WeakHashMap<>());

    /** Where a rule starts (its {@code id} key) and where its expression is. */
    record RuleSource(SourcePosition rule, ExpressionSource expression) {
    }

    private PackSources() {
    }

    static void remember(PolicyPack pack, Map<String, RuleSource> rules) {
        SOURCES.put(pack, Map.copyOf(rules));
    }

    static Optional<RuleSource> of(PolicyPack pack, String ruleId) {
        Map<String, RuleSource> rules = SOURCES.get(pack);
        return rules == null ? Optional.empty() : Optional.ofNullable(rules.get(ruleId));
    }
}
