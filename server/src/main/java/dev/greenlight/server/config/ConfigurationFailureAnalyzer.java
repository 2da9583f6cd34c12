package dev.greenlight.server.config;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a bad {@code greenlight.*} value into one line that names the environment variable, the property and what
 * is wrong, instead of Boot's multi-paragraph report. Registered in META-INF/spring.factories.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return analysis(describe(invalid.property(), null, invalid.getMessage()));
            }
            if (cause instanceof BindValidationException validation) {
                return analysis(describe(validation));
            }
            if (cause instanceof BindException bind && bind.getName().toString().startsWith("greenlight")) {
                return analysis(describe(bind));
            }
        }
        return null;
    }

    private static FailureAnalysis analysis(String line) {
        System.err.println("greenlight: " + line);
        return new FailureAnalysis(line, "Correct the value and start Greenlight again.", null);
    }

    private static String describe(BindValidationException validation) {
        ObjectError error = validation.getValidationErrors().getAllErrors().getFirst();
        String property = validation.getValidationErrors().getName().toString();
        Object value = null;
        if (error instanceof FieldError field) {
            property = property + "." + toKebabCase(field.getField());
            value = field.getRejectedValue();
        }
        return describe(property, value, error.getDefaultMessage());
    }

    private static String describe(BindException bind) {
        ConfigurationProperty property = bind.getProperty();
        Object value = property == null ? null : property.getValue();
        Throwable root = bind;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return describe(bind.getName().toString(), value, "cannot be read as " + targetName(bind) + " (" + root.getMessage() + ")");
    }

    private static String targetName(BindException bind) {
        return bind.getTarget().getType().resolve(Object.class).getSimpleName();
    }

    static String describe(String property, @Nullable Object value, @Nullable String problem) {
        String shownValue = value == null || isSecret(property) ? "" : " = \"" + value + "\"";
        return "invalid configuration: " + environmentVariable(property) + " (" + property + ")" + shownValue + ": " + problem;
    }

    /** The environment variable application.yaml maps to a property: greenlight.data-dir → GREENLIGHT_DATA_DIR. */
    static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').replaceAll("\\[\\d+]", "").toUpperCase(Locale.ROOT);
    }

    private static boolean isSecret(String property) {
        return property.toLowerCase(Locale.ROOT).contains("password") || property.toLowerCase(Locale.ROOT).contains("secret");
    }

    private static String toKebabCase(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
