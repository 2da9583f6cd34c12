package dev.greenlight.policy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Maps a pack's YAML tree onto {@link PolicyPack}, strictly: unknown keys, missing keys, wrong types, bad ids and
 * versions are all problems, collected together. Rules and tests are read by {@link RuleReader} and
 * {@link PackTestReader}.
 */
final class PackReader {
    static final Pattern PACK_ID = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");
    /** Semantic Versioning 2.0.0's own regular expression. */
    static final Pattern SEMANTIC_VERSION = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    static final Pattern PARAMETER_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    private static final Set<String> PACK_KEYS = Set.of("id", "version", "description", "parameters", "rules", "tests");
    private static final Set<String> PARAMETER_KEYS = Set.of("type", "default", "description");

    private final byte[] yaml;
    private final ProblemList problems = new ProblemList();
    private final Map<String, PackSources.RuleSource> ruleSources = new LinkedHashMap<>();

    private PackReader(byte[] yaml) {
        this.yaml = yaml;
    }

    static PolicyPack read(byte[] yaml, YamlNode root) throws PolicyException {
        return new PackReader(yaml).pack(root);
    }

    private PolicyPack pack(YamlNode root) throws PolicyException {
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.add(null, root, "a pack is a mapping with id, version, rules…, not " + root.kind());
            problems.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        Fields fields = new Fields(mapping, problems, null, "the pack", PACK_KEYS);
        String id = fields.requiredString("id");
        if (id != null && (id.length() > 200 || !PACK_ID.matcher(id).matches())) {
            problems.add(null, fields.node("id"), "the pack id '" + id
                    + "' must be lowercase segments of a-z, 0-9 and '-', separated by '/' (e.g. greenlight/baseline)");
        }
        String version = fields.requiredString("version");
        if (version != null && !SEMANTIC_VERSION.matcher(version).matches()) {
            problems.add(null, fields.node("version"), "the pack version '" + version + "' is not a semantic version (e.g. 1.0.0)");
        }
        String description = fields.optionalString("description");
        Map<String, ParameterDeclaration> parameters = parameters(fields.optional("parameters"));
        RuleReader ruleReader = new RuleReader(yaml, problems, ruleSources);
        List<Rule> rules = ruleReader.rules(fields.required("rules"));
        List<PackTest> tests = new PackTestReader(problems, parameters, parameterNames(fields.optional("parameters")),
                ruleReader.declaredIds()).tests(fields.optional("tests"));
        problems.throwIfAny();
        PolicyPack pack = new PolicyPack(id, version, description == null ? "" : description, parameters, rules, tests, sha256(yaml));
        PackSources.remember(pack, ruleSources);
        return pack;
    }

    private Map<String, ParameterDeclaration> parameters(@Nullable YamlNode node) {
        Map<String, ParameterDeclaration> parameters = new LinkedHashMap<>();
        if (node == null) {
            return parameters;
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(null, node, "parameters is a mapping of name → {type, default, description}, not " + node.kind());
            return parameters;
        }
        for (YamlNode.Entry entry : mapping.entries().values()) {
            String name = entry.key();
            if (!PARAMETER_NAME.matcher(name).matches()) {
                problems.add(null, entry.keyPosition(), "the parameter name '" + name
                        + "' must start with a letter and hold only letters, digits and '_' (it is read as params." + name + ")");
                continue;
            }
            if (!(entry.value() instanceof YamlNode.Mapping declaration)) {
                problems.add(null, entry.value(), "parameter " + name + " is a mapping with type, default and description, not "
                        + entry.value().kind());
                continue;
            }
            Fields fields = new Fields(declaration, problems, null, "parameter " + name, PARAMETER_KEYS);
            String typeName = fields.requiredString("type");
            String description = fields.optionalString("description");
            if (typeName == null) {
                continue;
            }
            FactType type = FactType.fromTypeName(typeName).orElse(null);
            if (type == null) {
                problems.add(null, fields.node("type"), "parameter " + name + " has the unknown type '" + typeName
                        + "' (one of bool, int, double, string, list(string), list(map), list, map)");
                continue;
            }
            YamlNode defaultNode = fields.optional("default");
            Object defaultValue = defaultNode == null ? null : YamlValues.plain(defaultNode);
            if (defaultValue != null && !YamlValues.fits(defaultValue, type)) {
                problems.add(null, defaultNode, "the default of parameter " + name + " is " + defaultNode.kind() + ", not " + type.typeName());
                continue;
            }
            parameters.put(name, new ParameterDeclaration(name, type, defaultValue == null ? null : YamlValues.canonical(defaultValue, type),
                    description == null ? "" : description));
        }
        return parameters;
    }

    /** Every parameter name declared, valid declaration or not. */
    private static Set<String> parameterNames(@Nullable YamlNode node) {
        return node instanceof YamlNode.Mapping mapping ? mapping.entries().keySet() : Set.of();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Unused entries are reported as unknown keys, with the keys that are allowed. */
    static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(null);
        return list;
    }
}
