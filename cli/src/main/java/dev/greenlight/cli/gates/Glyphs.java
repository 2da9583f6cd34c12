package dev.greenlight.cli.gates;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The marks the gate commands draw with: Unicode where standard output can carry it, ASCII otherwise. Java writes a
 * character its output charset lacks as '?', which would make every passing rule look like missing evidence.
 *
 * @param times between a role and how many approvals it still lacks ({@code security ×2})
 */
record Glyphs(String pass, String fail, String waived, String missingEvidence, String error, String unknown, String arrow, String times) {
    static final Glyphs UNICODE = new Glyphs("✓", "✗", "~", "?", "!", "*", "→", "×");
    static final Glyphs ASCII = new Glyphs("+", "x", "~", "?", "!", "*", "->", "x");

    /** Where POSIX reads the character set from, most specific first; the first one set decides. */
    private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_CTYPE", "LANG");

    Glyphs {
        requireNonNull(pass, "pass is null");
        requireNonNull(fail, "fail is null");
        requireNonNull(waived, "waived is null");
        requireNonNull(missingEvidence, "missingEvidence is null");
        requireNonNull(error, "error is null");
        requireNonNull(unknown, "unknown is null");
        requireNonNull(arrow, "arrow is null");
        requireNonNull(times, "times is null");
    }

    /**
     * Unicode when the locale's character set is UTF-8. Java derives the encoding of standard output from the same
     * variables, so this asks the question Java will answer when it prints; no locale at all (many containers, CI
     * images) means ASCII to Java too.
     */
    static Glyphs forLocale(Map<String, String> environment) {
        for (String variable : LOCALE_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                String charset = value.toLowerCase(Locale.ROOT).replace("-", "");
                return charset.contains("utf8") ? UNICODE : ASCII;
            }
        }
        return ASCII;
    }

    /** The mark of a rule's outcome as the server names it; a newer server's unknown outcome gets its own mark. */
    String mark(String outcome) {
        return switch (outcome) {
            case "pass" -> pass;
            case "fail" -> fail;
            case "waived" -> waived;
            case "missing-evidence" -> missingEvidence;
            case "error" -> error;
            default -> unknown;
        };
    }
}
