package dev.greenlight.evidence.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.facts.SastFacts.Level;
import dev.greenlight.evidence.facts.SastFacts.Result;
import dev.greenlight.evidence.facts.Severity;

/** One SARIF run while it is read: its rules, and its results until the rules they refer to are known. */
final class SarifRun {
    static final int MAX_MESSAGE_LENGTH = 1000;
    static final int MAX_MESSAGE_STRINGS = 50;
    static final int MAX_ARGUMENTS = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final int maxRules;
    @Nullable String driverName;
    final List<Rule> driverRules = new ArrayList<>();
    private final List<List<Rule>> extensions = new ArrayList<>();
    final List<RawResult> pending = new ArrayList<>();
    private int pendingKept;
    private int pendingSuppressed;
    private @Nullable Map<String, Rule> rulesById;

    SarifRun(int maxRules) {
        this.maxRules = Math.max(maxRules, 1);
    }

    static final class Rule {
        @Nullable String id;
        @Nullable Level defaultLevel;
        @Nullable Severity securitySeverity;
        final Map<String, String> messageStrings = new HashMap<>();
    }

    static final class RawResult {
        @Nullable String ruleId;
        @Nullable String referencedRuleId;
        @Nullable Integer ruleIndex;
        @Nullable Integer toolComponentIndex;
        @Nullable String kind;
        @Nullable Level level;
        @Nullable String messageText;
        @Nullable String messageMarkdown;
        @Nullable String messageId;
        List<String> arguments = List.of();
        @Nullable String location;
        @Nullable Severity securitySeverity;
        boolean suppressed;

        /**
         * A suppression without a status, or an accepted one, suppresses the result; one rejected or still under
         * review does not (a gate must not let a suppression nobody accepted hide a finding).
         */
        void addSuppression(@Nullable String status) {
            if (status == null || status.equals("accepted")) {
                suppressed = true;
            }
        }
    }

    List<Rule> addExtension() {
        if (extensions.size() >= maxRules) {
            throw new EvidenceLimitException("A SARIF run has more than " + maxRules + " tool extensions.");
        }
        List<Rule> rules = new ArrayList<>();
        extensions.add(rules);
        return rules;
    }

    void addRule(List<Rule> rules, Rule rule) {
        if (rules.size() >= maxRules) {
            throw new EvidenceLimitException("A SARIF tool component declares more than " + maxRules + " rules.");
        }
        rules.add(rule);
    }

    /** Keeps a result until the run ends if it will be listed; beyond the listing limit it is only noted. */
    void keep(RawResult raw, Listing<Result> results, Listing<Result> suppressed) {
        if (raw.suppressed) {
            if (suppressed.items().size() + pendingSuppressed < maxRules) {
                pending.add(raw);
                pendingSuppressed++;
            } else {
                suppressed.markTruncated();
            }
        } else if (results.items().size() + pendingKept < maxRules) {
            pending.add(raw);
            pendingKept++;
        } else {
            results.markTruncated();
        }
    }

    Result resolve(RawResult raw) {
        Rule rule = findRule(raw);
        Level level;
        if (raw.kind != null && !raw.kind.equals("fail")) {
            level = Level.NONE;
        } else if (raw.level != null) {
            level = raw.level;
        } else if (rule != null && rule.defaultLevel != null) {
            level = rule.defaultLevel;
        } else {
            level = Level.WARNING;
        }
        String ruleId = raw.ruleId != null ? raw.ruleId : raw.referencedRuleId != null ? raw.referencedRuleId : rule != null ? rule.id : null;
        Severity securitySeverity = raw.securitySeverity != null ? raw.securitySeverity : rule == null ? null : rule.securitySeverity;
        return new Result(Texts.shorten(ruleId == null ? "" : ruleId, 200), level, securitySeverity, message(raw, rule), raw.location);
    }

    private @Nullable Rule findRule(RawResult raw) {
        if (raw.toolComponentIndex != null) {
            List<Rule> rules = raw.toolComponentIndex < extensions.size() ? extensions.get(raw.toolComponentIndex) : List.of();
            if (raw.ruleIndex != null && raw.ruleIndex < rules.size()) {
                return rules.get(raw.ruleIndex);
            }
        } else if (raw.ruleIndex != null && raw.ruleIndex < driverRules.size()) {
            return driverRules.get(raw.ruleIndex);
        }
        String id = raw.ruleId != null ? raw.ruleId : raw.referencedRuleId;
        if (id == null) {
            return null;
        }
        Rule rule = rulesById().get(id);
        int slash = id.indexOf('/');
        // A hierarchical rule id ("CA2000/1") names a sub-rule of the rule declared as "CA2000".
        return rule == null && slash > 0 ? rulesById().get(id.substring(0, slash)) : rule;
    }

    private Map<String, Rule> rulesById() {
        if (rulesById == null) {
            rulesById = new HashMap<>();
            driverRules.forEach(rule -> putById(rulesById, rule));
            extensions.forEach(rules -> rules.forEach(rule -> putById(rulesById, rule)));
        }
        return rulesById;
    }

    private static void putById(Map<String, Rule> byId, Rule rule) {
        if (rule.id != null) {
            byId.putIfAbsent(rule.id, rule);
        }
    }

    /** The message's text, else the rule's message string it names with its arguments filled in, else its markdown. */
    private static @Nullable String message(RawResult raw, @Nullable Rule rule) {
        if (raw.messageText != null) {
            return raw.messageText;
        }
        if (raw.messageId != null && rule != null) {
            String template = rule.messageStrings.get(raw.messageId);
            if (template != null) {
                return Texts.shorten(fill(template, raw.arguments), MAX_MESSAGE_LENGTH);
            }
        }
        return raw.messageMarkdown;
    }

    static String fill(String template, List<String> arguments) {
        Matcher matcher = PLACEHOLDER.matcher(template.replace("{{", "\u0000").replace("}}", "\u0001"));
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String index = matcher.group(1);
            String argument = index.length() < 3 && Integer.parseInt(index) < arguments.size() ? arguments.get(Integer.parseInt(index)) : matcher.group();
            matcher.appendReplacement(filled, Matcher.quoteReplacement(argument));
        }
        matcher.appendTail(filled);
        return filled.toString().replace('\u0000', '{').replace('\u0001', '}');
    }

    /** The {@code security-severity} of a property bag: a score as a string (or number); anything else is ignored. */
    static @Nullable Severity readSecuritySeverity(JsonCursor cursor) {
        Severity[] severity = new Severity[1];
        cursor.readObject(key -> {
            if (!key.equals("security-severity")) {
                return false;
            }
            if (cursor.isObject() || cursor.isArray()) {
                cursor.skip();
                return true;
            }
            String score = cursor.text();
            if (score != null) {
                try {
                    double value = Double.parseDouble(score.strip());
                    severity[0] = Double.isFinite(value) ? Severity.fromScore(value) : null;
                } catch (NumberFormatException e) {
                    // Not a score: the result simply has no security severity.
                }
            }
            return true;
        });
        return severity[0];
    }
}
