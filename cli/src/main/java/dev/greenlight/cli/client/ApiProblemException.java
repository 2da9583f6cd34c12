package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.failure.CliException;
import java.util.ArrayList;
import java.util.List;

/** The server answered, and said no. */
public final class ApiProblemException extends CliException {
    private final ApiProblem problem;

    ApiProblemException(ApiProblem problem) {
        super(summary(requireNonNull(problem, "problem is null")));
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
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
