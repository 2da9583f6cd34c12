package dev.greenlight.server.dashboard;

/**
 * What a readiness badge says about the latest release of a project in an environment. Each state has a word and a
 * symbol besides its colour, so that it never depends on seeing colour.
 */
enum BadgeState {
    READY("ready", "✓", "#1a7f37"),
    BLOCKED("blocked", "✗", "#c4281c"),
    NO_RELEASE("no release", "–", "#6e7781"),
    /** A project or environment that does not exist, or one the caller may not see: the same answer for both. */
    UNKNOWN("unknown", "?", "#6e7781");

    private final String label;
    private final String symbol;
    private final String color;

    BadgeState(String label, String symbol, String color) {
        this.label = label;
        this.symbol = symbol;
        this.color = color;
    }

    String label() {
        return label;
    }

    String symbol() {
        return symbol;
    }

    /** The badge's right-hand colour; white text on it has a contrast of at least 4.5:1. */
    String color() {
        return color;
    }

    /** The CSS class of the state on pages: {@code state-ready}, {@code state-no-release}… */
    String cssClass() {
        return "state-" + label.replace(' ', '-');
    }
}
