package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** What a dead letter and a log line say about a failure: the exception, never a credential. */
class FailureTextTest {

    @Test
    void namesTheExceptionAndItsRootCause() {
        Exception failure = new IllegalStateException("step 3 failed", new UncheckedIOException(new IOException("connection reset")));

        assertThat(FailureText.of(failure))
                .isEqualTo("java.lang.IllegalStateException: step 3 failed (caused by java.io.IOException: connection reset)");
    }

    @Test
    void unwrapsTheCarrierOfACheckedException() {
        assertThat(FailureText.of(new HandlerTask.HandlerFailure(new IOException("timed out"))))
                .isEqualTo("java.io.IOException: timed out");
        assertThat(FailureText.of(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void cutsUrlCredentialsAndQueriesAndRedactsTokens() {
        String text = FailureText.of(new IOException("POST https://deploy:hunter2@cd.example.com/api/hooks/7?token=s3cr3t&x=1 "
                + "gave 401; sent Authorization: Bearer abcdefghijkl0123 and api_key=zzz-secret"));

        assertThat(text).contains("https://***@cd.example.com/api/hooks/7?***", "gave 401")
                .doesNotContain("hunter2", "s3cr3t", "abcdefghijkl0123", "zzz-secret");
    }

    @Test
    void keepsItOnOneShortLine() {
        String text = FailureText.of(new IllegalArgumentException("line one\nline two\u001b[31m" + "x".repeat(5000)));

        assertThat(text).doesNotContain("\n").doesNotContain("\u001b").hasSize(FailureText.MAX_LENGTH).endsWith("…");
        assertThat(FailureText.of(new IllegalArgumentException("😀".repeat(600)))).hasSizeLessThanOrEqualTo(FailureText.MAX_LENGTH)
                .matches(s -> !Character.isHighSurrogate(s.charAt(s.length() - 2)));
    }

    @Test
    void theTraceForTheLogKeepsFramesAndCleansMessages() {
        IOException root = new IOException("GET https://bot:hunter2@cd.example.com/x?token=s3cr3t failed");
        Exception failure = new IllegalStateException("step failed", root);

        Throwable trace = FailureText.traceOf(failure);

        assertThat(trace.toString()).isEqualTo("java.lang.IllegalStateException: step failed");
        assertThat(trace.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(trace.getCause().toString()).startsWith("java.io.IOException: GET https://***@cd.example.com/x?***")
                .doesNotContain("hunter2").doesNotContain("s3cr3t");
        assertThat(trace.getCause().getStackTrace()).isEqualTo(root.getStackTrace());
    }
}
