package dev.greenlight.policy;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Reads a pack's {@code rules}: ids unique and well-formed, severities and weights in range, families known. */
final class RuleReader {
    static final Pattern RULE_ID = Pattern.compile("[a-z0-9-]{1,100}");
    static final int DEFAULT_WEIGHT = 1;
    private static final Set<String> RULE_KEYS = Set.of("id", "title", "expression", "severity", "weight", "requires", "remediation");
    private static final Set<String> REMEDIATION_KEYS = Set.of("text", "link");

    private final byte[] yaml;
    private final ProblemList problems;
    private final Map<String, PackSources.RuleSource> sources;
    /** Every id a rule declares, valid rule or not, so that tests naming an invalid rule are not reported twice. */
    private final Set<String> declaredIds = new HashSet<>();

    RuleReader(byte[] yaml, ProblemList problems, Map<String, PackSources.RuleSource> sources) {
        this.yaml = yaml;
        this.problems = problems;
        this.sources = sources;
    }

    List<Rule> rules(@Nullable YamlNode node) {
        List<Rule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(null, node, "rules is a list of rules, not " + node.kind());
            return rules;
        }
        if (sequence.items().isEmpty()) {
            problems.add(null, node, "a pack has at least one rule");
        }
        Set<String> ids = new HashSet<>();
        for (YamlNode item : sequence.items()) {
            Rule rule = rule(item);
            if (rule == null) {
                continue;
            }
            if (!ids.add(rule.id())) {
                problems.add(rule.id(), item, "duplicate rule id '" + rule.id() + "'");
                continue;
            }
            rules.add(rule);
        }
        return rules;
    }

    Set<String> declaredIds() {
        return declaredIds;
    }

    private @Nullable Rule rule(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(null, node, "a rule is a mapping with id, title, expression, severity…, not " + node.kind());
            return null;
        }
        YamlNode.Entry idEntry = mapping.entries().get("id");
        String label = idEntry != null && idEntry.value() instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text
                ? text : null;
        if (label != null) {
            declaredIds.add(label);
        }
        Fields fields = new Fields(mapping, problems, label, label == null ? "a rule" : "rule " + label, RULE_KEYS);
        String id = fields.requiredString("id");
        if (id != null && !RULE_ID.matcher(id).matches()) {
            problems.add(id, fields.node("id"), "the rule id '" + id + "' must be 1 to 100 characters of a-z, 0-9 and '-'");
        }
        String title = fields.requiredString("title");
        String expression = fields.requiredString("expression");
        Severity severity = severity(fields, label);
        int weight = weight(fields, label);
        List<String> requires = requires(fields.optional("requires"), label);
        Remediation remediation = remediation(fields.required("remediation"), label);
        if (id == null || title == null || expression == null || severity == null || remediation == null || requires == null) {
            return null;
        }
        YamlNode expressionNode = fields.node("expression");
        sources.put(id, new PackSources.RuleSource(fields.position(),
                ExpressionSource.of(yaml, expressionNode.position(), expression)));
        return new Rule(id, title, expression, severity, weight, requires, remediation);
    }

    private @Nullable Severity severity(Fields fields, @Nullable String rule) {
        String text = fields.requiredString("severity");
        if (text == null) {
            return null;
        }
        for (Severity severity : Severity.values()) {
            if (severity.wireName().equals(text)) {
                return severity;
            }
        }
        problems.add(rule, fields.node("severity"), "severity '" + text + "' is neither blocker nor warning");
        return null;
    }

    private int weight(Fields fields, @Nullable String rule) {
        YamlNode node = fields.optional("weight");
        if (node == null) {
            return DEFAULT_WEIGHT;
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long weight && weight >= 0 && weight <= 100) {
            return weight.intValue();
        }
        problems.add(rule, node, "weight is an integer from 0 to 100, not " + describe(node));
        return DEFAULT_WEIGHT;
    }

    private @Nullable List<String> requires(@Nullable YamlNode node, @Nullable String rule) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(rule, node, "requires is a list of fact families, not " + node.kind());
            return null;
        }
        Set<String> families = new LinkedHashSet<>();
        boolean valid = true;
        for (YamlNode item : sequence.items()) {
            if (!(item instanceof YamlNode.Scalar scalar) || !(scalar.value() instanceof String family)) {
                problems.add(rule, item, "requires lists family names, not " + item.kind());
                valid = false;
            } else if (!FactCatalog.standard().families().contains(family)) {
                problems.add(rule, item, "requires the unknown family '" + family + "' (families: "
                        + String.join(", ", FactCatalog.standard().families()) + ")");
                valid = false;
            } else if (!families.add(family)) {
                problems.add(rule, item, "requires lists '" + family + "' twice");
                valid = false;
            }
        }
        return valid ? List.copyOf(families) : null;
    }

    private @Nullable Remediation remediation(@Nullable YamlNode node, @Nullable String rule) {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text && !text.isBlank()) {
            return new Remediation(text, null);
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(rule, node, "remediation is a text or a mapping with text and link, not " + node.kind());
            return null;
        }
        Fields fields = new Fields(mapping, problems, rule, "the remediation", REMEDIATION_KEYS);
        String text = fields.requiredString("text");
        String link = fields.optionalString("link");
        if (link != null && !isWebLink(link)) {
            problems.add(rule, fields.node("link"), "the remediation link '" + link + "' is not an http(s) URL");
            return null;
        }
        return text == null ? null : new Remediation(text, link);
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.value() != null ? String.valueOf(scalar.value()) : node.kind();
    }
}
