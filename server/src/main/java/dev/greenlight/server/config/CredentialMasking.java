package dev.greenlight.server.config;

import java.util.regex.Pattern;

/**
 * Hides credentials written inside a value that is otherwise fine to show, such as a database URL with
 * {@code user:password@} or {@code ?password=}: operators paste those, and they must not reach a log or a terminal.
 */
final class CredentialMasking {
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@\\s]*):[^/@\\s]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)((?:password|secret|token|sslpassword)=)[^&;\\s\"]*");

    private CredentialMasking() {
    }

    static String mask(String text) {
        String masked = USER_INFO_PASSWORD.matcher(text).replaceAll("$1:***@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
    }
}
