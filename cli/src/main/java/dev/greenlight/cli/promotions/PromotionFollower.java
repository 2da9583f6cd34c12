package dev.greenlight.cli.promotions;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Asks for a promotion until it ends or the wait runs out. Each change of state, step or analysis outcome gets one
 * short line on standard error, with the time since the wait began; standard output is left to the final view, so a
 * pipeline log shows the progress without burying the result. A failing request ends the wait at once: retrying it
 * would hide from the pipeline that the promotion cannot be followed.
 */
final class PromotionFollower {
    private final Supplier<JsonNode> promotion;
    private final FollowSchedule schedule;
    private final PrintWriter err;

    /** The promotion as last seen, and whether the wait ran out before it ended. */
    record Result(JsonNode promotion, PromotionProgress progress, boolean timedOut) {
        Result {
            requireNonNull(promotion, "promotion is null");
            requireNonNull(progress, "progress is null");
        }
    }

    PromotionFollower(Supplier<JsonNode> promotion, FollowSchedule schedule, PrintWriter err) {
        this.promotion = requireNonNull(promotion, "promotion is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.err = requireNonNull(err, "err is null");
    }

    Result follow() {
        String shown = null;
        while (true) {
            JsonNode current = promotion.get();
            PromotionProgress progress = PromotionProgress.of(current);
            String line = progress.describe();
            if (!line.equals(shown)) {
                progress(schedule.elapsedText() + ": " + line);
                shown = line;
            }
            if (progress.finished()) {
                return new Result(current, progress, false);
            }
            if (schedule.timeIsUp()) {
                progress("Still " + line + " after " + DurationArgument.format(requireNonNull(schedule.allowed()))
                        + "; the promotion goes on on the server.");
                return new Result(current, progress, true);
            }
            schedule.awaitNextCheck("the promotion");
        }
    }

    private void progress(String line) {
        err.println(line);
        err.flush();
    }
}
