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

/**
 * One SARIF run while it is read: its rules, and its results until the rules they refer to are known. Every result is
 * counted (by level and security severity, or as suppressed); only those the listing has room for are kept whole.
 * A result beyond the listing limit is counted at once when the run's tool (its rules) has been read, else it waits
 * as a count per distinct rule reference (the rule's id by a 64-bit hash, so that waiting costs the same whatever the
 * ids' lengths; a collision, which only a file made for it would have, lends a result another rule's defaults — which
 * the file's author could have written anyway).
 */
final class SarifRun {
    static final int MAX_MESSAGE_LENGTH = 1000;
    static final int MAX_MESSAGE_STRINGS = 50;
    static final int MAX_ARGUMENTS = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** Distinct rule references that results beyond the listing limit may wait on, at the least. */
    private static final int MIN_WAITING_REFERENCES = 10_000;

    private final int maxRules;
    @Nullable String driverName;
    final List<Rule> driverRules = new ArrayList<>();
    private final List<List<Rule>> extensions = new ArrayList<>();
    private final List<RawResult> pending = new ArrayList<>();
    private int pendingKept;
    private int pendingSuppressed;
    private @Nullable Map<String, Rule> rulesById;
    private @Nullable Map<Long, Rule> rulesByIdHash;
    private boolean toolRead;
    /** Results beyond the listing limit that came before the tool, counted by what decides their level and severity. */
    private final Map<Reference, long[]> waiting = new HashMap<>();
    private final int maxWaiting;
    private final long[] byLevel = new long[Level.values().length];
    private final long[] bySecuritySeverity = new long[Severity.values().length];
    private long suppressedCount;

    SarifRun(int maxRules) {
        this.maxRules = Math.max(maxRules, 1);
        this.maxWaiting = Math.max(this.maxRules, MIN_WAITING_REFERENCES);
    }

    /**
     * What decides an unlisted result's level and security severity: its own (null when its rule's decides), and its
     * rule reference, the id as hashes of itself and of its part before a slash.
     */
    private record Reference(@Nullable Level level, @Nullable Severity securitySeverity, @Nullable Integer toolComponentIndex,
            @Nullable Integer ruleIndex, @Nullable Long idHash, @Nullable Long parentIdHash) {
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

    /** The run's tool, with all its rules, has been read: results from now on can be resolved as they come. */
    void toolRead() {
        toolRead = true;
    }

    /**
     * Counts the result, and keeps it until the run ends if it will be listed; beyond the listing limit it is counted
     * only (now, or once the rules are known).
     */
    void keep(RawResult raw, Listing<Result> results, Listing<Result> suppressed) {
        if (raw.suppressed) {
            suppressedCount++;
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
            countUnlisted(raw);
        }
    }

    /** Once the run is read: lists the kept results and counts those, and the ones that waited for the rules. */
    void finish(Listing<Result> results, Listing<Result> suppressed) {
        for (RawResult raw : pending) {
            Result result = resolve(raw);
            if (raw.suppressed) {
                suppressed.add(result);
            } else {
                count(result.level(), result.securitySeverity(), 1);
                results.add(result);
            }
        }
        pending.clear();
        waiting.forEach((reference, count) -> {
            Rule rule = findRule(reference.toolComponentIndex(), reference.ruleIndex(), reference.idHash(), reference.parentIdHash());
            count(level(reference.level(), rule), securitySeverity(reference.securitySeverity(), rule), count[0]);
        });
        waiting.clear();
    }

    /** The run's counted results by level, listed or not (complete once {@link #finish} ran). */
    long[] byLevel() {
        return byLevel;
    }

    /** The run's counted results with a security severity, by it, listed or not. */
    long[] bySecuritySeverity() {
        return bySecuritySeverity;
    }

    long suppressedCount() {
        return suppressedCount;
    }

    private void countUnlisted(RawResult raw) {
        Level known = knownLevel(raw);
        if (known != null && raw.securitySeverity != null) {
            count(known, raw.securitySeverity, 1);
        } else if (toolRead) {
            Rule rule = findRule(raw);
            count(level(known, rule), securitySeverity(raw.securitySeverity, rule), 1);
        } else {
            String id = raw.ruleId != null ? raw.ruleId : raw.referencedRuleId;
            int slash = id == null ? -1 : id.indexOf('/');
            Reference reference = new Reference(known, raw.securitySeverity, raw.toolComponentIndex, raw.ruleIndex,
                    id == null ? null : hash(id), slash > 0 ? hash(id.substring(0, slash)) : null);
            long[] count = waiting.get(reference);
            if (count == null) {
                if (waiting.size() >= maxWaiting) {
                    throw new EvidenceLimitException("A SARIF run has results beyond the listing limit with more than " + maxWaiting
                            + " different rule references before its tool.");
                }
                count = new long[1];
                waiting.put(reference, count);
            }
            count[0]++;
        }
    }

    private void count(Level level, @Nullable Severity securitySeverity, long results) {
        byLevel[level.ordinal()] += results;
        if (securitySeverity != null) {
            bySecuritySeverity[securitySeverity.ordinal()] += results;
        }
    }

    Result resolve(RawResult raw) {
        Rule rule = findRule(raw);
        Level level = level(knownLevel(raw), rule);
        String ruleId = raw.ruleId != null ? raw.ruleId : raw.referencedRuleId != null ? raw.referencedRuleId : rule != null ? rule.id : null;
        Severity securitySeverity = securitySeverity(raw.securitySeverity, rule);
        return new Result(Texts.shorten(ruleId == null ? "" : ruleId, 200), level, securitySeverity, message(raw, rule), raw.location);
    }

    /** The level the result decides itself: {@code none} for a kind other than {@code fail}, else its own level, if any. */
    private static @Nullable Level knownLevel(RawResult raw) {
        if (raw.kind != null && !raw.kind.equals("fail")) {
            return Level.NONE;
        }
        return raw.level;
    }

    /** The result's own level, else its rule's default, else SARIF's default, {@code warning}. */
    private static Level level(@Nullable Level known, @Nullable Rule rule) {
        if (known != null) {
            return known;
        }
        return rule != null && rule.defaultLevel != null ? rule.defaultLevel : Level.WARNING;
    }

    private static @Nullable Severity securitySeverity(@Nullable Severity own, @Nullable Rule rule) {
        return own != null ? own : rule == null ? null : rule.securitySeverity;
    }

    private @Nullable Rule findRule(RawResult raw) {
        Rule byIndex = ruleByIndex(raw.toolComponentIndex, raw.ruleIndex);
        if (byIndex != null) {
            return byIndex;
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

    /** {@link #findRule(RawResult)} for a result that waited, its ids known by their hashes. */
    private @Nullable Rule findRule(@Nullable Integer toolComponentIndex, @Nullable Integer ruleIndex, @Nullable Long idHash,
            @Nullable Long parentIdHash) {
        Rule byIndex = ruleByIndex(toolComponentIndex, ruleIndex);
        if (byIndex != null || idHash == null) {
            return byIndex;
        }
        Rule rule = rulesByIdHash().get(idHash);
        return rule == null && parentIdHash != null ? rulesByIdHash().get(parentIdHash) : rule;
    }

    private @Nullable Rule ruleByIndex(@Nullable Integer toolComponentIndex, @Nullable Integer ruleIndex) {
        if (toolComponentIndex != null) {
            List<Rule> rules = toolComponentIndex < extensions.size() ? extensions.get(toolComponentIndex) : List.of();
            if (ruleIndex != null && ruleIndex < rules.size()) {
                return rules.get(ruleIndex);
            }
        } else if (ruleIndex != null && ruleIndex < driverRules.size()) {
            return driverRules.get(ruleIndex);
        }
        return null;
    }

    private Map<Long, Rule> rulesByIdHash() {
        if (rulesByIdHash == null) {
            Map<Long, Rule> byHash = new HashMap<>();
            driverRules.forEach(rule -> putByIdHash(byHash, rule));
            extensions.forEach(rules -> rules.forEach(rule -> putByIdHash(byHash, rule)));
            rulesByIdHash = byHash;
        }
        return rulesByIdHash;
    }

    private static void putByIdHash(Map<Long, Rule> byHash, Rule rule) {
        if (rule.id != null) {
            byHash.putIfAbsent(hash(rule.id), rule);
        }
    }

    /** FNV-1a over the UTF-16 code units, then a final mix so that near-identical ids spread. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            char unit = text.charAt(i);
            hash = (hash ^ (unit & 0xFF)) * 0x100000001b3L;
            hash = (hash ^ (unit >>> 8)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        return hash ^ (hash >>> 33);
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
