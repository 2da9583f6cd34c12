package dev.greenlight.server.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from text bound for a log. Patterns rather than call-site discipline, because a
 * secret reaches a log through exception messages and third-party code as often as through our own statements.
 */
public final class SecretRedactor {
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // API keys keep their public id, which is what an operator needs to find the key.
            new Rule(Pattern.compile("(glk_[a-z2-7]{16})_[a-z2-7]+"), "$1_***"),
            // Anything else that looks like a key, but not one the rule above already redacted down to its id.
            new Rule(Pattern.compile("glk_(?![a-z2-7]{16}_\\*\\*\\*)[A-Za-z0-9_]{8,}"), "glk_***"),
            new Rule(Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)(bearer|basic|token)?\\s*[^\\s\",;}]+"), "$1***"),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"), "$1 ***"),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), "<jwt>"),
            // A quoted JSON value ends at its closing quote, spaces and escaped quotes included.
            new Rule(Pattern.compile("(?i)(\"[A-Za-z0-9_-]*(?:password|passwd|pwd|secret|token|api[-_]?key)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\""), "$1***\""),
            new Rule(Pattern.compile("(?i)(\"?(?:password|passwd|pwd|secret|token|api[-_]?key|client[-_]?secret)\"?\\s*[:=]\\s*\"?)[^\\s\",;&}]+"), "$1***"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "<email>"));

    private SecretRedactor() {
    }

    public static String redact(String text) {
        String result = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(rule.replacement());
            }
        }
        return result;
    }
}
