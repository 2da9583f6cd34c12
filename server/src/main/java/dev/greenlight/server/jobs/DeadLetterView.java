package dev.greenlight.server.jobs;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A dead letter as the API shows it. The payload is not shown: it is kept for the replay, but it can hold a URL with
 * a token, and the kind, key and error say which job it was and why it failed.
 */
record DeadLetterView(
        String id,
        String kind,
        String key,
        String priority,
        int attempts,
        String lastError,
        Instant firstEnqueuedAt,
        Instant failedAt,
        @Nullable Instant replayedAt,
        @Nullable String replayedBy,
        @Nullable String replayKey) {

    static DeadLetterView of(DeadLetter letter) {
        DeadLetter.Replay replay = letter.replay();
        return new DeadLetterView(letter.id().toString(), letter.kind(), letter.key(), DeadLetterRepository.wireName(letter.priority()),
                letter.attempts(), letter.lastError(), letter.firstEnqueuedAt(), letter.failedAt(),
                replay == null ? null : replay.at(), replay == null ? null : replay.byName(), replay == null ? null : replay.key());
    }
}
