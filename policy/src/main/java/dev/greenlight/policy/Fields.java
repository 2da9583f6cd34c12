package dev.greenlight.policy;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The keys of one YAML mapping, read strictly: a key outside the allowed set is reported on creation, a missing
 * required key or a value of the wrong kind when it is read. Reading never throws; problems go to the list and the
 * value read is null.
 */
final class Fields {
    private final YamlNode.Mapping mapping;
    private final ProblemList problems;
    private final @Nullable String rule;
    private final String owner;

    /**
     * @param rule the rule these fields belong to, for the problems' rule
     * @param owner how problems name the mapping: "the pack", "rule no-critical", "test all-green"
     */
    Fields(YamlNode.Mapping mapping, ProblemList problems, @Nullable String rule, String owner, Set<String> allowed) {
        this.mapping = mapping;
        this.problems = problems;
        this.rule = rule;
        this.owner = owner;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!allowed.contains(entry.key())) {
                problems.add(rule, entry.keyPosition(), owner + " has the unknown key '" + entry.key() + "' (allowed: "
                        + String.join(", ", PackReader.sorted(allowed)) + ")");
            }
        }
    }

    SourcePosition position() {
        return mapping.position();
    }

    /** The node of a key that is known to be there. */
    YamlNode node(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping : entry.value();
    }

    @Nullable YamlNode optional(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? null : entry.value();
    }

    @Nullable YamlNode required(String key) {
        YamlNode value = optional(key);
        if (value == null) {
            problems.add(rule, mapping.position(), owner + " has no " + key);
        }
        return value;
    }

    @Nullable String requiredString(String key) {
        YamlNode value = required(key);
        return value == null ? null : string(key, value);
    }

    @Nullable String optionalString(String key) {
        YamlNode value = optional(key);
        return value == null ? null : string(key, value);
    }

    private @Nullable String string(String key, YamlNode value) {
        if (value instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
            if (text.isBlank()) {
                problems.add(rule, value, owner + " has an empty " + key);
                return null;
            }
            return text;
        }
        problems.add(rule, value, key + " of " + owner + " must be a string, not " + value.kind());
        return null;
    }
}
