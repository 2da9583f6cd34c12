package dev.greenlight.server.dashboard;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/**
 * The spans the project page offers for its delivery figures, as plain links. A fixed choice (the API takes any span)
 * keeps the links few and the figures of two people looking at the page comparable.
 */
enum DoraWindow {
    WEEK("7d", "7 days", Duration.ofDays(7)),
    MONTH("30d", "30 days", Duration.ofDays(30)),
    QUARTER("90d", "90 days", Duration.ofDays(90));

    static final DoraWindow DEFAULT = MONTH;

    private final String parameter;
    private final String label;
    private final Duration span;

    DoraWindow(String parameter, String label, Duration span) {
        this.parameter = parameter;
        this.label = label;
        this.span = span;
    }

    /** The window a {@code window} query parameter names; none is the default, anything else a 400 page. */
    static DoraWindow of(@Nullable String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(window -> window.parameter.equals(parameter.strip())).findFirst()
                .orElseThrow(() -> new GreenlightException(ProblemKind.BAD_REQUEST, "The window must be one of "
                        + Arrays.stream(values()).map(DoraWindow::parameter).collect(Collectors.joining(", ")) + "."));
    }

    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    Duration span() {
        return span;
    }
}
