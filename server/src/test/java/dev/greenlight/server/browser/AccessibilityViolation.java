package dev.greenlight.server.browser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * One axe-core rule a page breaks: the rule's id, how much it hurts ({@code minor}, {@code moderate}, {@code serious},
 * {@code critical}), what it asks for, and the CSS selectors of the offending elements.
 */
public record AccessibilityViolation(String id, String impact, String help, String helpUrl, List<String> targets) {
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    public AccessibilityViolation {
        requireNonNull(id, "id is null");
        requireNonNull(impact, "impact is null");
        requireNonNull(help, "help is null");
        requireNonNull(helpUrl, "helpUrl is null");
        targets = List.copyOf(targets);
    }

    /** Serious and critical violations shut people out; minor and moderate ones are reported but do not fail a test. */
    public boolean blocksSomeone() {
        return BLOCKING_IMPACTS.contains(impact);
    }

    /** One line for a test report: {@code color-contrast (serious): Elements must ... at .notice, button}. */
    public String describe() {
        return id + " (" + impact + "): " + help + " at " + String.join(", ", targets) + " [" + helpUrl + "]";
    }
}
