package dev.greenlight.policy;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** What one variable (fact, parameter, quarantine list) is bound to for one evaluation. */
sealed interface Binding {
    /** Bound: {@code runtime} is what CEL reads, {@code source} what the input held (for a result's values). */
    record Bound(Object runtime, Object source) implements Binding {
        public Bound {
            requireNonNull(runtime, "runtime is null");
            requireNonNull(source, "source is null");
        }
    }

    /** The fact's family is absent: the release has no evidence of that kind. */
    record FamilyAbsent() implements Binding {
    }

    /** The family is there but this fact is absent or null (a k6 summary without p95, a statement without builder). */
    record FactAbsent() implements Binding {
    }

    /** A parameter with no value and no default. */
    record NotSet() implements Binding {
    }

    /** A value that does not fit the declared type. */
    record Invalid(String problem) implements Binding {
        public Invalid {
            requireNonNull(problem, "problem is null");
        }
    }

    static Binding of(@Nullable Object value, FactType type, String name) {
        return switch (FactValues.convert(requireNonNull(value, "value is null"), type)) {
            case FactValues.Fits fits -> new Bound(fits.runtime(), value);
            case FactValues.DoesNotFit doesNotFit -> new Invalid(name + " " + doesNotFit.problem());
        };
    }
}
