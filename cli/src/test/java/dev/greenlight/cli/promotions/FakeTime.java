package dev.greenlight.cli.promotions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A clock that only moves when a schedule sleeps, so waiting is tested in microseconds and exactly. */
final class FakeTime {
    private long nanos = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    FollowSchedule schedule(Duration interval, @Nullable Duration allowed) {
        return new FollowSchedule(interval, allowed, () -> nanos, duration -> {
            sleeps.add(duration);
            nanos += duration.toNanos();
        });
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Answers in order, the last one again and again; counts how often it was asked. */
    static final class Answers implements Supplier<JsonNode> {
        private final Iterator<String> answers;
        private @Nullable JsonNode last;
        private int asked;

        Answers(String... answers) {
            this.answers = List.of(answers).iterator();
        }

        @Override
        public JsonNode get() {
            asked++;
            if (answers.hasNext()) {
                last = PromotionJson.parse(answers.next());
            }
            if (last == null) {
                throw new IllegalStateException("no answers");
            }
            return last;
        }

        int asked() {
            return asked;
        }
    }
}
