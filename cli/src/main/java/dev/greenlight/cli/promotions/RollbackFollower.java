package dev.greenlight.cli.promotions;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.output.Cells;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Follows a rollback through what the environment runs ({@code GET …/releases}) until the rollback is no longer under
 * way, then reads how it ended from the environment's rollbacks: completed (the target runs again) or failed (a person
 * has to look). One line on standard error per change; a failing request ends the wait at once.
 */
final class RollbackFollower {
    static final String REQUESTED = "requested";
    static final String COMPLETED = "completed";

    enum Outcome {
        RESTORED,
        FAILED,
        STILL_RUNNING
    }

    /** The rollback as last seen and how the wait ended. */
    record Result(JsonNode rollback, Outcome outcome) {
        Result {
            requireNonNull(rollback, "rollback is null");
            requireNonNull(outcome, "outcome is null");
        }
    }

    private final Supplier<JsonNode> releases;
    private final Supplier<List<JsonNode>> recentRollbacks;
    private final FollowSchedule schedule;
    private final PrintWriter err;

    /**
     * @param releases the environment's {@code …/releases} view
     * @param recentRollbacks the environment's latest rollbacks, newest first; asked only once ours is no longer under way
     */
    RollbackFollower(Supplier<JsonNode> releases, Supplier<List<JsonNode>> recentRollbacks, FollowSchedule schedule, PrintWriter err) {
        this.releases = requireNonNull(releases, "releases is null");
        this.recentRollbacks = requireNonNull(recentRollbacks, "recentRollbacks is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.err = requireNonNull(err, "err is null");
    }

    Result follow(JsonNode accepted) {
        String id = accepted.path("id").asString("");
        if (id.isBlank()) {
            throw new UnreadableAnswerException("The server's answer to the rollback request has no id.");
        }
        JsonNode rollback = accepted;
        String shown = null;
        while (true) {
            JsonNode environment = releases.get();
            JsonNode inFlight = environment.path("rollbackInFlight");
            if (id.equals(inFlight.path("id").asString(""))) {
                rollback = inFlight;
            } else {
                rollback = finished(id);
            }
            String state = Cells.text(rollback, "state");
            String line = switch (state) {
                case COMPLETED -> "completed; " + Cells.text(rollback, "environment") + " runs " + Cells.text(rollback, "to") + " again";
                case REQUESTED -> "requested; " + Cells.text(environment, "environment") + " runs " + Cells.text(environment, "current");
                default -> state + ": " + Cells.text(rollback, "failure");
            };
            if (!line.equals(shown)) {
                progress(schedule.elapsedText() + ": " + line);
                shown = line;
            }
            if (!REQUESTED.equals(state)) {
                return new Result(rollback, COMPLETED.equals(state) ? Outcome.RESTORED : Outcome.FAILED);
            }
            if (schedule.timeIsUp()) {
                progress("Still " + state + " after " + DurationArgument.format(requireNonNull(schedule.allowed())) + ", "
                        + Cells.text(environment, "environment") + " runs " + Cells.text(environment, "current")
                        + "; the rollback goes on on the server.");
                return new Result(rollback, Outcome.STILL_RUNNING);
            }
            schedule.awaitNextCheck("the rollback");
        }
    }

    /** The rollback as the environment's list shows it once it is no longer the one under way. */
    private JsonNode finished(String id) {
        Optional<JsonNode> found = recentRollbacks.get().stream().filter(one -> id.equals(one.path("id").asString(""))).findFirst();
        return found.orElseThrow(() -> new UnreadableAnswerException("The server lists rollback " + id
                + " neither as under way nor among the environment's latest rollbacks."));
    }

    private void progress(String line) {
        err.println(line);
        err.flush();
    }
}
