package dev.greenlight.server.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;

/**
 * Replays a dead letter: the same kind, payload, priority and workspace enqueued again under a new key, once. The new
 * key is the old one with {@code #replay-<dead letter id>}: a job with the old key may be pending again by then, and
 * the outside sees the replay as new work (it failed every attempt the first time). Runs in the caller's transaction
 * with the record of the replay and its ledger entry.
 */
@Service
class DeadLetterReplays {
    private final DeadLetterRepository repository;
    private final JobTasks tasks;
    private final JobQueue queue;
    private final Ledger ledger;
    private final Clock clock;

    DeadLetterReplays(DeadLetterRepository repository, JobTasks tasks, JobQueue queue, Ledger ledger, Clock clock) {
        this.repository = repository;
        this.tasks = tasks;
        this.queue = queue;
        this.ledger = ledger;
        this.clock = clock;
    }

    DeadLetter replay(Caller caller, UUID id) {
        DeadLetter letter = repository.lock(caller.workspaceId(), id).orElseThrow(() -> notFound(id));
        DeadLetter.Replay earlier = letter.replay();
        if (earlier != null) {
            throw GreenlightException.conflict("Dead letter " + id + " was already replayed at " + earlier.at() + " by " + earlier.byName()
                    + ", as job key '" + earlier.key() + "'; a dead letter is replayed once. If that job failed too, it has a dead "
                    + "letter of its own.");
        }
        if (tasks.find(letter.kind()).isEmpty()) {
            throw GreenlightException.conflict("No handler for job kind '" + letter.kind() + "' runs on this server, so dead letter "
                    + id + " cannot be replayed here.");
        }
        Instant now = clock.instant();
        String replayKey = letter.key() + "#replay-" + letter.id();
        queue.enqueue(new JobRequest(letter.kind(), replayKey, letter.payload(), letter.priority(), now, letter.workspaceId()));
        repository.markReplayed(id, new DeadLetter.Replay(now, caller.principalId(), caller.name(), replayKey));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("deadLetter", id.toString());
        subject.put("kind", letter.kind());
        subject.put("key", letter.key());
        subject.put("replayKey", replayKey);
        subject.put("attempts", letter.attempts());
        subject.put("failedAt", letter.failedAt().toString());
        ledger.append(LedgerEvent.of(caller, "job.replayed", subject));
        return repository.find(caller.workspaceId(), id).orElseThrow();
    }

    private static GreenlightException notFound(UUID id) {
        return GreenlightException.notFound("No dead letter '" + id + "'.");
    }
}
