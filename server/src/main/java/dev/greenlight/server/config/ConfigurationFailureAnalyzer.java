package dev.greenlight.server.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a bad {@code greenlight.*} value into one line that names the environment variable, the property and what
 * is wrong, instead of Boot's multi-paragraph report. Registered in META-INF/spring.factories, and asked before Boot's
 * own analyzers, which would otherwise describe a framework setting derived from ours (management.server.port) instead.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {
    /** How application.yaml maps a property to its variable: {@code ${GREENLIGHT_PORT:8080}}. */
    private static final Pattern VARIABLE_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:.*)?}");
    /** How framework settings derived from ours refer to them: {@code management.server.port: ${greenlight.management.port}}. */
    private static final Pattern GREENLIGHT_PLACEHOLDER = Pattern.compile("\\$\\{(greenlight\\.[a-z0-9.\\[\\]-]+)}");

    private final Environment environment;

    public ConfigurationFailureAnalyzer(Environment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        // The most specific explanation wins wherever it sits in the chain: Boot wraps validation errors and our own
        // exceptions in BindExceptions whose message spans many lines.
        List<Throwable> chain = causes(failure);
        for (Throwable cause : chain) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return analysis(describe(invalid.property(), null, invalid.getMessage()));
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof BindValidationException validation && validation.getValidationErrors().getName().toString().startsWith("greenlight")) {
                return analysis(describe(validation));
            }
        }
        for (Throwable cause : chain.reversed()) {
            if (cause instanceof BindException bind && bind.getName().toString().startsWith("greenlight")) {
                return analysis(describe(bind));
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof InvalidConfigurationPropertyValueException invalid) {
                Optional<String> ours = effectiveRawValue(invalid.getName()).flatMap(raw -> group(GREENLIGHT_PLACEHOLDER, raw));
                if (ours.isPresent()) {
                    return analysis(describeDerived(ours.get(), invalid, chain));
                }
            }
        }
        return null;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static FailureAnalysis analysis(String line) {
        System.err.println("greenlight: " + line);
        return new FailureAnalysis(line, "Correct the value and start Greenlight again.", null);
    }

    private String describe(BindValidationException validation) {
        ObjectError error = validation.getValidationErrors().getAllErrors().getFirst();
        String property = validation.getValidationErrors().getName().toString();
        Object value = null;
        if (error instanceof FieldError field) {
            property = property + "." + toKebabCase(field.getField());
            // As the operator wrote it ("0s"), not as bound (PT0S), when the environment has it under that name.
            String written = environment.getProperty(property);
            value = written != null ? written : field.getRejectedValue();
        }
        return describe(property, value, error.getDefaultMessage());
    }

    private String describe(BindException bind) {
        ConfigurationProperty property = bind.getProperty();
        Object value = property == null ? null : property.getValue();
        return describe(bind.getName().toString(), value, "cannot be read as " + targetName(bind) + " (" + rootMessage(bind) + ")");
    }

    /** A framework setting defined as one of ours failed: report ours, which is the one the operator sets. */
    private String describeDerived(String property, InvalidConfigurationPropertyValueException invalid, List<Throwable> chain) {
        String problem = chain.stream()
                .filter(ConversionFailedException.class::isInstance)
                .map(ConversionFailedException.class::cast)
                .findFirst()
                .map(conversion -> "cannot be read as " + conversion.getTargetType().getType().getSimpleName() + " (" + rootMessage(conversion) + ")")
                .orElse(invalid.getReason());
        return describe(property, environment.getProperty(property), problem);
    }

    private static String targetName(BindException bind) {
        return bind.getTarget().getType().resolve(Object.class).getSimpleName();
    }

    private static @Nullable String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private String describe(String property, @Nullable Object value, @Nullable String problem) {
        String shownValue = value == null || isSecret(property) ? "" : " = \"" + CredentialMasking.mask(String.valueOf(value)) + "\"";
        String shownProblem = problem == null ? "invalid" : CredentialMasking.mask(oneLine(problem));
        return "invalid configuration: " + environmentVariable(property) + " (" + property + ")" + shownValue + ": " + shownProblem;
    }

    /**
     * The environment variable that sets a property: the one application.yaml reads for it
     * ({@code ${GREENLIGHT_RATE_LIMIT_PER_CREDENTIAL:600}}), else the one Boot's relaxed binding derives.
     */
    String environmentVariable(String property) {
        String key = property.replaceAll("\\[\\d+]", "");
        return rawValues(key).map(raw -> group(VARIABLE_PLACEHOLDER, raw)).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> derivedEnvironmentVariable(key));
    }

    /** The property as written in the property source that wins, before placeholders resolve. */
    private Optional<String> effectiveRawValue(String property) {
        return rawValues(property).findFirst();
    }

    /** The property as written in each property source that has it, highest precedence first. */
    private Stream<String> rawValues(String property) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return Stream.empty();
        }
        return configurable.getPropertySources().stream()
                .map(source -> source.getProperty(property))
                .filter(String.class::isInstance)
                .map(String.class::cast);
    }

    private static Optional<String> group(Pattern pattern, String raw) {
        Matcher matcher = pattern.matcher(raw.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Boot's relaxed binding: greenlight.data-dir is also set by GREENLIGHT_DATA_DIR. */
    private static String derivedEnvironmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').replaceAll("\\[\\d+]", "").toUpperCase(Locale.ROOT);
    }

    private static boolean isSecret(String property) {
        String lower = property.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String toKebabCase(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
