package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.failure.CliException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The server answered, and said no. */
public final class ApiProblemException extends CliException {
    private final ApiProblem problem;
    private final @Nullable Duration retryAfter;

    ApiProblemException(ApiProblem problem) {
        this(problem, null);
    }

    ApiProblemException(ApiProblem problem, @Nullable Duration retryAfter) {
        super(summary(requireNonNull(problem, "problem is null")));
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public ApiProblem problem() {
        return problem;
    }

    /** How long the server asked to wait before trying again ({@code Retry-After} in seconds), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(getMessage());
        if (problem.detail() != null && !problem.detail().isBlank()) {
            lines.add(problem.detail());
        }
        for (FieldError error : problem.errors()) {
            lines.add("  " + error.field() + ": " + error.message());
        }
        if (problem.status() == 401) {
            lines.add("The API key was not accepted: it may have expired or been revoked. Run `greenlight login` again.");
        } else if (problem.status() == 403) {
            lines.add("The API key is valid but lacks the permission this command needs.");
        }
        if (problem.traceId() != null) {
            lines.add("Trace ID: " + problem.traceId() + " (quote it when asking an administrator)");
        }
        return List.copyOf(lines);
    }

    private static String summary(ApiProblem problem) {
        String who = problem.status() >= 500 ? "The server failed" : "The server rejected the request";
        return who + ": " + problem.title() + " (HTTP " + problem.status() + ")";
    }
}
