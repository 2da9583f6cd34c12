package dev.greenlight.server.jobs;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.logging.SecretRedactor;

/**
 * Describes why a job failed, for its log line and its dead letter: the exception's class and message, and those of
 * its root cause. Messages are written by code we do not control and often quote a URL, and a deployer's or webhook's
 * URL can carry a token, so the user part and query of every URL are cut, the log redactor's patterns apply, and the
 * text is kept short.
 */
final class FailureText {
    static final int MAX_LENGTH = 1000;
    private static final Pattern URL_USER = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
    private static final Pattern URL_QUERY = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s?#]*)[?#][^\\s]*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}]+");

    private FailureText() {
    }

    static String of(@Nullable Throwable failure) {
        if (failure == null) {
            return "no exception";
        }
        Throwable shown = failure instanceof HandlerTask.HandlerFailure wrapper && wrapper.getCause() != null ? wrapper.getCause() : failure;
        String text = describe(shown);
        Throwable root = rootCause(shown);
        if (root != shown) {
            text += " (caused by " + describe(root) + ")";
        }
        return clean(text);
    }

    /**
     * A copy of the failure for a stack trace in the log: the same frames and causes, each message cleaned like
     * {@link #of}'s, so that a debug log does not undo the redaction.
     */
    static Throwable traceOf(Throwable failure) {
        return copy(failure, 0);
    }

    private static Throwable copy(Throwable failure, int depth) {
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        Throwable copied = new CleanedFailure(failure.getClass().getName() + (message == null ? "" : ": " + clean(message)),
                cause == null || cause == failure || depth >= 20 ? null : copy(cause, depth + 1));
        copied.setStackTrace(failure.getStackTrace());
        return copied;
    }

    /** Prints as the original exception would, class name first. */
    private static final class CleanedFailure extends RuntimeException {
        CleanedFailure(String text, Throwable cause) {
            super(text, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** What a lost node leaves as the reason: nothing threw, the job simply stopped being heard from. */
    static String nodeLost() {
        return "the node running the job stopped sending heartbeats (it crashed or lost the database)";
    }

    static String clean(String text) {
        String cleaned = URL_USER.matcher(text).replaceAll("$1***@");
        cleaned = URL_QUERY.matcher(cleaned).replaceAll("$1?***");
        cleaned = SecretRedactor.redact(cleaned);
        cleaned = CONTROL.matcher(cleaned).replaceAll(" ").strip();
        if (cleaned.length() <= MAX_LENGTH) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(MAX_LENGTH - 2)) ? MAX_LENGTH - 2 : MAX_LENGTH - 1;
        return cleaned.substring(0, end) + "…";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
