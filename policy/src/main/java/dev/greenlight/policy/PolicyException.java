package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** A pack that cannot be parsed or compiled, with every problem found (not only the first). */
public final class PolicyException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final @Nullable String sourceName;

    public PolicyException(List<Problem> problems) {
        this(null, problems);
    }

    public PolicyException(Problem problem) {
        this(null, List.of(problem));
    }

    /** @param sourceName the file the pack came from, if known */
    public PolicyException(@Nullable String sourceName, List<Problem> problems) {
        super((sourceName == null ? "" : sourceName + ": ") + summary(problems));
        this.problems = List.copyOf(problems);
        this.sourceName = sourceName;
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("a policy exception has at least one problem");
        }
    }

    /** The file the pack came from, as given to {@link PolicyPackParser#parse}; null for a pack built in code. */
    public @Nullable String sourceName() {
        return sourceName;
    }

    /** Every problem, in the order found (pack order for compile errors). */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem.
     *
     * @param rule the rule it is in, if it is in one
     * @param line 1-based line in the YAML (or in the expression, see the message), if known
     * @param column 1-based column, if known
     */
    public record Problem(@Nullable String rule, @Nullable Integer line, @Nullable Integer column, String message) {
        public Problem {
            requireNonNull(message, "message is null");
        }

        /** {@code rule no-critical, line 12:5: message}, leaving out what is unknown. */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            if (rule != null) {
                text.append("rule ").append(rule);
            }
            if (line != null) {
                text.append(text.isEmpty() ? "" : ", ").append("line ").append(line);
                if (column != null) {
                    text.append(':').append(column);
                }
            }
            return text.isEmpty() ? message : text + ": " + message;
        }
    }

    private static String summary(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
